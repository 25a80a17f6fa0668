// Reads the leak-check markers out of a package's output, for assertions.

/** A marker block found in the output. */
export type Marker = { kind: 'clean'; waited: number } | { kind: 'leaked'; waited: number; dump: string };

const markerRe = /^goleak-run:v1 (clean|begin) waited=(\d+)$/;

/** All marker blocks, in order; a begin without an end throws (the test should fail). */
export function findMarkers(output: string): Marker[] {
  const lines = output.split('\n');
  const found: Marker[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = markerRe.exec(lines[i]!);
    if (!m) continue;
    const waited = Number(m[2]);
    if (m[1] === 'clean') {
      found.push({ kind: 'clean', waited });
      continue;
    }
    const end = lines.indexOf('goleak-run:v1 end', i + 1);
    if (end < 0) throw new Error(`begin marker without end at line ${i + 1}`);
    found.push({ kind: 'leaked', waited, dump: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return found;
}

/** Any text mentioning the protocol, to catch markers that did not start a line. */
export function markerMentions(output: string): number {
  return output.split('goleak-run:v1 ').length - 1;
}

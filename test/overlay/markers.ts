// Reads the leak-check markers out of a package's output, for assertions.

/** A marker block found in the output. */
export type Marker = { kind: 'clean'; waited: number } | { kind: 'leaked'; waited: number; dump: string };

// A clean marker also says how many goroutines the ignore rules dropped; begin never does.
const markerRe = /^goleak-run:v1 (?:(clean) waited=(\d+) ignored=(\d+)|(begin) waited=(\d+))$/;

/** All marker blocks, in order; a begin without an end throws (the test should fail). */
export function findMarkers(output: string): Marker[] {
  const lines = output.split('\n');
  const found: Marker[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = markerRe.exec(lines[i]!);
    if (!m) continue;
    const waited = Number(m[2] ?? m[5]);
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

/** The `ignored=` counts of the clean markers, in order. */
export function ignoredCounts(output: string): number[] {
  return [...output.matchAll(/^goleak-run:v1 clean waited=\d+ ignored=(\d+)$/gm)].map((m) => Number(m[1]));
}

/** Any text mentioning the protocol, to catch markers that did not start a line. */
export function markerMentions(output: string): number {
  return output.split('goleak-run:v1 ').length - 1;
}

// Reads the check's signed records out of a package's output, for assertions.
import { RECORD_PREFIX } from '../../src/check-protocol.js';
import { findRecord } from '../../src/parse/record-line.js';

/** The key overlayFor renders into the check (tests only). */
export const TEST_KEY = 'fe'.repeat(32);

/** A record found in the output: clean, or leaked with its groups' stacks joined into a dump. */
export type Marker =
  | { kind: 'clean'; waited: number; ignored: number }
  | { kind: 'leaked'; waited: number; ignored: number; dump: string; counts: number[] };

/** All records signed with TEST_KEY, in order. */
export function findMarkers(output: string): Marker[] {
  const found: Marker[] = [];
  for (const line of output.split('\n')) {
    const record = findRecord(line, TEST_KEY)?.record;
    if (!record) continue;
    const base = { waited: record.waitedMs, ignored: record.ignored };
    if (record.groups.length === 0) found.push({ kind: 'clean', ...base });
    else
      found.push({
        kind: 'leaked',
        ...base,
        dump: record.groups.map((g) => g.stack).join('\n'),
        counts: record.groups.map((g) => g.n),
      });
  }
  return found;
}

/** The `ignored` counts of the records, in order. */
export function ignoredCounts(output: string): number[] {
  return findMarkers(output).map((m) => m.ignored);
}

/** Any text mentioning the protocol, to catch records that did not start a line. */
export function markerMentions(output: string): number {
  return output.split(RECORD_PREFIX).length - 1;
}

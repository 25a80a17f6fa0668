// The order of baseline entries, shared by the file writer and the run (no YAML needed to sort).
import type { BaselineEntry } from './types.js';

// An entry is sorted by the first test that leaked it, so a test's leaks stay together.
function firstTest(e: BaselineEntry): string {
  return e.tests[0]?.name ?? '';
}

/** Order of entries in the file: package, then first test, then fingerprint. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const keys: [string, string][] = [
    [a.package, b.package],
    [firstTest(a), firstTest(b)],
    [a.fingerprint, b.fingerprint],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

// The order of baseline entries, shared by the file writer and the run (no YAML needed to sort).
import type { BaselineEntry } from './types.js';

/** Order of entries in the file: package, then test, then fingerprint. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const k of ['package', 'test', 'fingerprint'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

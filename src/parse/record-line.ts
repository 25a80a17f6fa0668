// Finds the check's signed record in one output line. Only a line whose signature matches
// the machine's key counts: anything a test prints, however it looks, stays test output.
import { type CheckRecord, decodeRecord, RECORD_PREFIX, verifyRecord } from '../check-protocol.js';

/** A verified record, and the text a test printed just before it on the same line. */
export interface FoundRecord {
  record: CheckRecord;
  before: string;
}

/** The signed record in `line`, if there is one that verifies under `key`. */
export function findRecord(line: string, key: string): FoundRecord | undefined {
  // The prefix may also occur in what a test printed before the record, so try each.
  for (let at = line.indexOf(RECORD_PREFIX); at >= 0; at = line.indexOf(RECORD_PREFIX, at + 1)) {
    const rest = line.slice(at + RECORD_PREFIX.length);
    if (rest.charAt(64) !== ' ') continue;
    const json = rest.slice(65);
    if (!verifyRecord(key, json, rest.slice(0, 64))) continue;
    const record = decodeRecord(json);
    if (record) return { record, before: line.slice(0, at) };
  }
  return undefined;
}

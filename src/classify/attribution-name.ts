// How every report, baseline and fingerprint names an attribution: one spelling, so that a
// baseline entry, a console line and a JSON finding about the same leak always agree.
import type { Attribution } from '../model.js';

/** Name of a leak started by init or TestMain, outside any test. */
export const PACKAGE_LEVEL = 'package level';
/** Name of a leak whose starting test the stacks do not prove. */
export const UNKNOWN_TEST = 'unknown';

/** `TestX`, `TestX/sub` (as go test names the subtest), `package level` or `unknown`. */
export function attributionName(a: Attribution): string {
  if (a.kind === 'package') return PACKAGE_LEVEL;
  if (a.kind === 'unknown') return UNKNOWN_TEST;
  // A subtest named `TestX/b` in t.Run is `TestX/TestX/b` to go test, so the name is always joined.
  return a.subtest === undefined || a.subtest === '' ? a.test : `${a.test}/${a.subtest}`;
}

// Version-1 baselines fingerprinted each test's share of a leak, test name included. A run
// recomputes those old fingerprints for every test of a finding, so an old entry keeps matching
// the leak it was written for (as long as its test is still named the same).
import { attributionName } from '../classify/attribution-name.js';
import { legacyFingerprint, stackShape } from '../classify/fingerprint.js';
import type { Finding } from '../model.js';

/** Each test's share of a finding with its version-1 fingerprint. */
export function legacyShares(f: Finding): { fingerprint: string; count: number }[] {
  const shape = stackShape(f.stack);
  return f.tests.map((t) => ({
    fingerprint: legacyFingerprint(f.package, attributionName(t.attribution), shape, f.createdBy),
    count: t.count,
  }));
}

/** The version-1 fingerprints the findings account for. */
export function matchedLegacyPrints(findings: Finding[]): Set<string> {
  return new Set(findings.flatMap((f) => legacyShares(f).map((s) => s.fingerprint)));
}

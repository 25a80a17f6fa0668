// Short human labels shared by every reporter, so the same leak reads the same everywhere.
import { attributionName } from '../classify/attribution-name.js';
import type { Attribution, Finding } from '../model.js';

/** The test a finding is attributed to, named exactly as baselines and fingerprints name it. */
export function testLabel(attribution: Attribution): string {
  return attributionName(attribution);
}

/** A qualified Go function without its import-path directories: `pool.(*Pool).worker`. */
export function shortFunction(func: string): string {
  // Slashes only occur in the import path, never after the package name.
  const slash = func.lastIndexOf('/');
  return slash === -1 ? func : func.slice(slash + 1);
}

/** `chan receive, 2 minutes`: the wait state with its duration when Go printed one. */
export function stateLabel(finding: Pick<Finding, 'state' | 'waitMinutes'>): string {
  if (finding.waitMinutes === undefined) return finding.state;
  return `${finding.state}, ${plural(finding.waitMinutes, 'minute')}`;
}

/** One-line title of a finding: `TestX/sub ×3 chan receive in pool.worker`. */
export function findingTitle(finding: Finding): string {
  return `${testLabel(finding.attribution)} ×${finding.count} ${finding.state} in ${shortFunction(finding.topFunction)}`;
}

/** `1 goroutine`, `3 goroutines`; `entry` becomes `entries`. */
export function plural(count: number, noun: string): string {
  if (count === 1) return `${count} ${noun}`;
  const many = noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${count} ${many}`;
}

/** Seconds as Go prints them in `ok pkg 0.123s`, with two decimals for stable output. */
export function seconds(value: number): string {
  return `${value.toFixed(2)}s`;
}

/** True when the run compared findings against a baseline, so new/known labels mean something. */
export function baselineInUse(findings: readonly Finding[], staleCount: number): boolean {
  return staleCount > 0 || findings.some((f) => f.baseline !== undefined);
}

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

/**
 * The tests that leaked a finding: `TestX` when one did, else `TestA ×1, TestB ×2`, cut after
 * `max` names with `… N more` (every name when `max` is undefined).
 */
export function testsLabel(finding: Pick<Finding, 'tests'>, max?: number): string {
  const [only] = finding.tests;
  if (finding.tests.length === 1 && only) return testLabel(only.attribution);
  const shown = max === undefined ? finding.tests : finding.tests.slice(0, max);
  const names = shown.map((t) => `${testLabel(t.attribution)} ×${t.count}`);
  const hidden = finding.tests.length - shown.length;
  return hidden > 0 ? `${names.join(', ')}, … ${hidden} more` : names.join(', ');
}

/** The first test of a finding, with how many others leaked at the same site: `TestA +3 more`. */
function testsTitle(finding: Pick<Finding, 'tests'>): string {
  const [first] = finding.tests;
  const name = first ? testLabel(first.attribution) : 'unknown';
  return finding.tests.length > 1 ? `${name} +${finding.tests.length - 1} more` : name;
}

/** One-line title of a finding: `TestX/sub ×3 chan receive in pool.worker`, `TestA +3 more ×5 …` for several tests. */
export function findingTitle(finding: Finding): string {
  return `${testsTitle(finding)} ×${finding.count} ${finding.state} in ${shortFunction(finding.topFunction)}`;
}

/** True when the finding's location is its `go` statement (not a frame further up the chain). */
export function locatedAtGoStatement(finding: Pick<Finding, 'createdAt' | 'goStatement'>): boolean {
  const { createdAt: at, goStatement: go } = finding;
  return at === undefined || (go !== undefined && at.file === go.file && at.line === go.line);
}

/** Why a location is only the `go` statement: no frame of the module in the creation chain. */
export const OUTSIDE_MODULE = 'outside the module: no frame of it in the creation chain';

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

/** Notes on a finding shown after its state: how it was found, and whether the GC proved it. */
export function findingNotes(finding: Pick<Finding, 'source' | 'provenByGc' | 'gcChecked' | 'stress'>): string[] {
  return [
    finding.stress ? `seen in ${finding.stress.seenIn} of ${plural(finding.stress.runs, 'run')}` : undefined,
    finding.source === 'timeout' ? 'blocked when -timeout stopped the test' : undefined,
    finding.provenByGc
      ? 'proven leaked by the GC: it can never run again'
      : finding.gcChecked
        ? 'not proven by the GC: still running, or blocked on something still reachable'
        : undefined,
  ].filter((n): n is string => n !== undefined);
}

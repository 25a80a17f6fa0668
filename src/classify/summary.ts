// Totals over all packages and the process exit code they imply.
import type { PackageReport, StaleEntry, Summary } from '../model.js';

/** Counts for the summary line; a finding is new unless the baseline marked it known. */
export function summarize(packages: PackageReport[], stale: StaleEntry[]): Summary {
  const count = (status: PackageReport['status']): number => packages.filter((p) => p.status === status).length;
  const findings = packages.flatMap((p) => p.leaks);
  return {
    packages: packages.length,
    passed: count('passed'),
    leaked: count('leaked'),
    failed: count('failed'),
    buildFailed: count('build-failed'),
    noTests: count('no-tests'),
    leakFindings: findings.length,
    leakedGoroutines: findings.reduce((n, f) => n + f.count, 0),
    newLeaks: findings.filter((f) => f.baseline !== 'known').length,
    knownLeaks: findings.filter((f) => f.baseline === 'known').length,
    stale: stale.length,
    testsFailed: packages.reduce((n, p) => n + p.tests.filter((t) => t.status === 'fail').length, 0),
  };
}

/** 1 when a package failed, failed to build or leaked something new, or, with strictBaseline, when entries are stale. */
export function exitCodeFor(summary: Summary, opts: { strictBaseline: boolean }): 0 | 1 {
  if (summary.failed > 0 || summary.buildFailed > 0 || summary.leaked > 0) return 1;
  return opts.strictBaseline && summary.stale > 0 ? 1 : 0;
}

// Marks findings the baseline accepts as known, and finds entries the run proved fixed.
import { leakStatus } from '../classify/package-report.js';
import type { Finding, PackageReport, StaleEntry } from '../model.js';
import { isCovered } from './scope.js';
import { compareEntries } from './entry-order.js';
import type { Baseline, BaselineEntry, RunScope } from './types.js';

function staleSummary(e: BaselineEntry): string {
  const where = e.createdBy ? ` created by ${e.createdBy}${e.createdAt ? ` at ${e.createdAt}` : ''}` : '';
  return `${e.count} × ${e.top} [${e.state}]${where}`;
}

function markFindings(leaks: Finding[], entries: Map<string, BaselineEntry>): Finding[] {
  const seen = new Map<string, number>();
  for (const f of leaks) seen.set(f.fingerprint, (seen.get(f.fingerprint) ?? 0) + f.count);
  return leaks.map((f): Finding => {
    const entry = entries.get(f.fingerprint);
    const { baselineCount: _old, ...rest } = f;
    if (entry && entry.count >= (seen.get(f.fingerprint) ?? 0)) return { ...rest, baseline: 'known' };
    return { ...rest, baseline: 'new', ...(entry ? { baselineCount: entry.count } : {}) };
  });
}

/** Known/new per finding (more goroutines than accepted is new), package statuses updated, and stale entries. */
export function applyBaseline(packages: PackageReport[], baseline: Baseline, scope: RunScope): { packages: PackageReport[]; stale: StaleEntry[] } {
  const entries = new Map(baseline.leaks.map((e) => [e.fingerprint, e]));
  const marked = packages.map((p): PackageReport => {
    const leaks = markFindings(p.leaks, entries);
    const status = p.status === 'leaked' || p.status === 'passed' ? leakStatus(leaks) : p.status;
    return { ...p, leaks, status };
  });
  const seen = new Set(packages.flatMap((p) => p.leaks.map((f) => f.fingerprint)));
  const stale = baseline.leaks
    .filter((e) => !seen.has(e.fingerprint) && isCovered(e, scope))
    .sort(compareEntries)
    .map((e): StaleEntry => ({ fingerprint: e.fingerprint, package: e.package, test: e.test, summary: staleSummary(e) }));
  return { packages: marked, stale };
}

/** The baseline without its stale entries. */
export function pruneBaseline(baseline: Baseline, stale: StaleEntry[]): Baseline {
  const gone = new Set(stale.map((s) => s.fingerprint));
  return { version: 1, leaks: baseline.leaks.filter((e) => !gone.has(e.fingerprint)) };
}

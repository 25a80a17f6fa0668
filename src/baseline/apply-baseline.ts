// Marks findings the baseline accepts as known, and finds entries the run proved fixed.
import { leakStatus } from '../classify/package-report.js';
import type { Finding, PackageReport, StaleEntry } from '../model.js';
import { compareEntries } from './entry-order.js';
import { legacyShares, matchedLegacyPrints } from './legacy-match.js';
import { isCovered } from './scope.js';
import type { Baseline, BaselineEntry, RunScope } from './types.js';

function staleSummary(e: BaselineEntry): string {
  const where = e.createdBy ? ` created by ${e.createdBy}${e.createdAt ? ` at ${e.createdAt}` : ''}` : '';
  return `${e.count} × ${e.top} [${e.state}]${where}`;
}

function sum<T>(items: T[], key: (item: T) => string, count: (item: T) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + count(item));
  return totals;
}

// Accepted goroutines for a finding: its entry's count, or for findings only version-1 entries
// know, the counts of the old entries of all its tests; undefined when no entry covers it.
function accepted(
  f: Finding,
  entries: Map<string, BaselineEntry>,
  legacy: Map<string, BaselineEntry>,
  seenLegacy: Map<string, number>,
): { known: boolean; count?: number } {
  const entry = entries.get(f.fingerprint);
  if (entry) return { known: entry.count >= f.count, count: entry.count };
  const shares = legacyShares(f);
  const olds = shares.map((s) => legacy.get(s.fingerprint));
  if (olds.every((e) => e === undefined)) return { known: false };
  const known = shares.every((s, i) => (olds[i]?.count ?? 0) >= (seenLegacy.get(s.fingerprint) ?? 0));
  return { known, count: olds.reduce((n, e) => n + (e?.count ?? 0), 0) };
}

function markFindings(leaks: Finding[], baseline: Baseline): Finding[] {
  const entries = new Map(baseline.leaks.filter((e) => !e.legacy).map((e) => [e.fingerprint, e]));
  const legacy = new Map(baseline.leaks.filter((e) => e.legacy).map((e) => [e.fingerprint, e]));
  // Sites may share a fingerprint (it has no lines): the entry's count covers them together.
  const seen = sum(
    leaks,
    (f) => f.fingerprint,
    (f) => f.count,
  );
  const seenLegacy = sum(
    leaks.flatMap(legacyShares),
    (s) => s.fingerprint,
    (s) => s.count,
  );
  return leaks.map((f): Finding => {
    const { baselineCount: _old, ...rest } = f;
    const fit = accepted({ ...f, count: seen.get(f.fingerprint) ?? f.count }, entries, legacy, seenLegacy);
    if (fit.known) return { ...rest, baseline: 'known' };
    return { ...rest, baseline: 'new', ...(fit.count !== undefined ? { baselineCount: fit.count } : {}) };
  });
}

/** Known/new per finding (more goroutines than accepted is new), package statuses updated, and stale entries. */
export function applyBaseline(
  packages: PackageReport[],
  baseline: Baseline,
  scope: RunScope,
): { packages: PackageReport[]; stale: StaleEntry[] } {
  const marked = packages.map((p): PackageReport => {
    const leaks = markFindings(p.leaks, baseline);
    const status = p.status === 'leaked' || p.status === 'passed' ? leakStatus(leaks) : p.status;
    return { ...p, leaks, status };
  });
  const findings = packages.flatMap((p) => p.leaks);
  const seen = new Set([...findings.map((f) => f.fingerprint), ...matchedLegacyPrints(findings)]);
  const stale = baseline.leaks
    .filter((e) => !seen.has(e.fingerprint) && isCovered(e, scope))
    .sort(compareEntries)
    .map(
      (e): StaleEntry => ({
        fingerprint: e.fingerprint,
        package: e.package,
        tests: e.tests.map((t) => t.name),
        summary: staleSummary(e),
      }),
    );
  return { packages: marked, stale };
}

/** The baseline without its stale entries, in the current version. */
export function pruneBaseline(baseline: Baseline, stale: StaleEntry[]): Baseline {
  const gone = new Set(stale.map((s) => s.fingerprint));
  return { version: 2, leaks: baseline.leaks.filter((e) => !gone.has(e.fingerprint)) };
}

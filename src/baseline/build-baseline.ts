// Findings of a run (plus what the run did not cover of the previous baseline) → a new baseline.
import { attributionName } from '../classify/attribution-name.js';
import type { Finding, PackageReport } from '../model.js';
import { matchedLegacyPrints } from './legacy-match.js';
import { isCovered } from './scope.js';
import { compareEntries } from './entry-order.js';
import type { Baseline, BaselineEntry, BaselineTest, RunScope } from './types.js';

/** The readable entry for one finding. */
function entryFromFinding(f: Finding): BaselineEntry {
  return {
    fingerprint: f.fingerprint,
    package: f.package,
    tests: f.tests.map((t) => ({ name: attributionName(t.attribution), count: t.count })),
    count: f.count,
    state: f.state,
    top: f.topFunction,
    ...(f.createdBy !== undefined ? { createdBy: f.createdBy } : {}),
    ...(f.createdAt ? { createdAt: `${f.createdAt.file}:${f.createdAt.line}` } : {}),
  };
}

function mergeTests(into: BaselineTest[], more: BaselineTest[]): BaselineTest[] {
  const counts = new Map(into.map((t) => [t.name, t.count]));
  for (const t of more) counts.set(t.name, (counts.get(t.name) ?? 0) + t.count);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One entry per fingerprint; sites that share one (same function, shape and creator) add their counts and tests. */
function entriesFromFindings(findings: Finding[]): BaselineEntry[] {
  const byPrint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const entry = entryFromFinding(f);
    const seen = byPrint.get(f.fingerprint);
    if (seen) {
      seen.count += entry.count;
      seen.tests = mergeTests(seen.tests, entry.tests);
    } else {
      byPrint.set(f.fingerprint, entry);
    }
  }
  return [...byPrint.values()];
}

/** Every finding of the run, plus the previous entries the run could not have seen; always the current version. */
export function buildBaseline(packages: PackageReport[], previous: Baseline | undefined, scope: RunScope): Baseline {
  const findings = packages.flatMap((p) => p.leaks);
  const current = entriesFromFindings(findings);
  const seen = new Set([...current.map((e) => e.fingerprint), ...matchedLegacyPrints(findings)]);
  const kept = (previous?.leaks ?? []).filter((e) => !seen.has(e.fingerprint) && !isCovered(e, scope));
  return { version: 2, leaks: [...current, ...kept].sort(compareEntries) };
}

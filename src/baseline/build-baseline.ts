// Findings of a run (plus what the run did not cover of the previous baseline) → a new baseline.
import { attributionName } from '../classify/attribution-name.js';
import type { Finding, PackageReport } from '../model.js';
import { isCovered } from './scope.js';
import { compareEntries } from './entry-order.js';
import type { Baseline, BaselineEntry, RunScope } from './types.js';

/** The readable entry for one finding. */
export function entryFromFinding(f: Finding): BaselineEntry {
  return {
    fingerprint: f.fingerprint,
    package: f.package,
    test: attributionName(f.attribution),
    count: f.count,
    state: f.state,
    top: f.topFunction,
    ...(f.createdBy !== undefined ? { createdBy: f.createdBy } : {}),
    ...(f.createdAt ? { createdAt: `${f.createdAt.file}:${f.createdAt.line}` } : {}),
  };
}

/** One entry per fingerprint; findings that differ only in state add their counts. */
export function entriesFromFindings(findings: Finding[]): BaselineEntry[] {
  const byPrint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const seen = byPrint.get(f.fingerprint);
    if (seen) seen.count += f.count;
    else byPrint.set(f.fingerprint, entryFromFinding(f));
  }
  return [...byPrint.values()];
}

/** Every finding of the run, plus the previous entries the run could not have seen. */
export function buildBaseline(packages: PackageReport[], previous: Baseline | undefined, scope: RunScope): Baseline {
  const current = entriesFromFindings(packages.flatMap((p) => p.leaks));
  const seen = new Set(current.map((e) => e.fingerprint));
  const kept = (previous?.leaks ?? []).filter((e) => !seen.has(e.fingerprint) && !isCovered(e, scope));
  return { version: 1, leaks: [...current, ...kept].sort(compareEntries) };
}

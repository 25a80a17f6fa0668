// Pure: the parts of a sharded run joined into the report of one run over all its packages.
import { exitCodeFor, summarize } from '../classify/summary.js';
import type { PackageReport, RunReport, StaleEntry } from '../model.js';
import type { ShardReport } from './check-shards.js';
import { packageOf } from './from-json.js';

/**
 * Packages in the whole run's order; stale entries are the union of the parts' (a part calls an
 * entry stale only when it ran the entry's package, and each package ran in exactly one part);
 * go's warnings once each; the longest part's duration; the exit code of the joined summary.
 * `moduleDir` is where the module sits for this process: reporters print paths relative to it.
 */
export function mergeReports(parts: readonly ShardReport[], moduleDir: string): RunReport {
  const first = parts[0]!.report;
  const byPath = new Map<string, PackageReport>();
  for (const { report } of parts) {
    const unchecked = new Set(report.shard.unchecked ?? []);
    for (const p of report.packages) {
      byPath.set(p.importPath, packageOf(p, report.shard.tests[p.importPath], unchecked.has(p.importPath)));
    }
  }
  const packages = first.shard.packages.map((p) => byPath.get(p)).filter((p): p is PackageReport => p !== undefined);
  const stale = parts
    .flatMap((p) => p.report.stale.map((s): StaleEntry => ({ ...s, tests: [...s.tests] })))
    .sort(compareStale);
  const summary = summarize(packages, stale);
  const startedAt = parts.map((p) => p.report.startedAt).sort()[0] ?? first.startedAt;
  return {
    schemaVersion: 2,
    tool: { ...first.tool },
    goVersion: first.go,
    module: { path: first.module, dir: moduleDir },
    startedAt,
    durationSeconds: Math.max(...parts.map((p) => p.report.durationSeconds)),
    packages,
    stale,
    summary,
    warnings: [...new Set(parts.flatMap((p) => p.report.warnings))],
    exitCode: exitCodeFor(summary, {
      strictBaseline: parts.some((p) => p.report.shard.strictBaseline),
    }),
  };
}

// The baseline file's order: package, first test, fingerprint (as a single run sorts them).
function compareStale(a: StaleEntry, b: StaleEntry): number {
  const keys: Array<[string, string]> = [
    [a.package, b.package],
    [a.tests[0] ?? '', b.tests[0] ?? ''],
    [a.fingerprint, b.fingerprint],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

/** Parts run by different Go releases or goleak-run versions still merge; these lines say so. */
export function shardMismatches(parts: readonly ShardReport[]): string[] {
  const out: string[] = [];
  const differ = (what: string, value: (r: ShardReport) => string): void => {
    const values = new Set(parts.map(value));
    if (values.size > 1) {
      out.push(
        `shards ran with different ${what}: ${parts.map((p) => `${value(p)} (${p.report.shard.index}/${p.report.shard.count})`).join(', ')}`,
      );
    }
  };
  differ('Go versions', (p) => p.report.go);
  differ('goleak-run versions', (p) => p.report.tool.version);
  return out;
}

// merge on the sample report split into shards: every reporter prints the same bytes for the
// merged run as for the run it was split from, and the checks name the part that does not fit.
import { describe, expect, it } from 'vitest';
import { checkShards, type ReadReport } from '../../src/merge/check-shards.js';
import { mergeReports } from '../../src/merge/merge-reports.js';
import { summarize } from '../../src/classify/summary.js';
import type { RunReport, ShardInfo } from '../../src/model.js';
import { formatConsole } from '../../src/report/format-console.js';
import { formatJson, toJsonReport } from '../../src/report/format-json.js';
import { formatJunit } from '../../src/report/format-junit.js';
import { formatTap } from '../../src/report/format-tap.js';
import { createColors } from 'picocolors';
import { sampleReport, sampleRepoRoot } from '../report/sample-report.js';

// The sample split in three by package, as --shard K/3 would write it (JSON, read back from text).
function shardsOf(report: RunReport, count: number): ReadReport[] {
  const all = report.packages.map((p) => p.importPath);
  return Array.from({ length: count }, (_, i) => {
    const packages = report.packages.filter((_, n) => n % count === i);
    const mine = new Set(packages.map((p) => p.importPath));
    const shard: ShardInfo = {
      index: i + 1,
      count,
      packages: all,
      moduleDir: 'demo',
      strictBaseline: false,
      unchecked: packages.filter((p) => p.waitedMs === undefined).map((p) => p.importPath),
      tests: Object.fromEntries(
        packages.map((p) => [
          p.importPath,
          p.tests.map((t) => ({
            name: t.name,
            status: t.status,
            elapsedSeconds: t.elapsedSeconds,
            ...(t.status === 'pass' ? {} : { output: t.output }),
          })),
        ]),
      ),
    };
    const part: RunReport = { ...report, packages, stale: report.stale.filter((s) => mine.has(s.package)), shard };
    return { file: `shard${i + 1}.json`, doc: JSON.parse(formatJson(part)) };
  });
}

describe('mergeReports', () => {
  // The sample as a run makes it (it is written by hand): the summary is what summarize() counts,
  // and in a package with the GC's proof every end-of-run finding was checked by it.
  const packages = sampleReport.packages.map((p) => ({
    ...p,
    leaks: p.leaks.map(({ gcChecked: _, ...f }) =>
      p.gcProof && f.source === 'end-of-run' ? { ...f, gcChecked: true } : f,
    ),
  }));
  const whole: RunReport = { ...sampleReport, packages, summary: summarize(packages, sampleReport.stale) };
  const merged = mergeReports(checkShards(shardsOf(whole, 3).reverse()), '/src/demo');

  it('gives the JSON, JUnit, TAP and console output of the whole run', () => {
    expect(toJsonReport(merged)).toEqual(toJsonReport(whole));
    expect(formatJunit(merged, { repoRoot: sampleRepoRoot })).toBe(formatJunit(whole, { repoRoot: sampleRepoRoot }));
    expect(formatTap(merged)).toBe(formatTap(whole));
    const text = (r: RunReport) => formatConsole(r, { color: createColors(false), verbose: true });
    expect(text(merged)).toBe(text(whole));
    expect(merged.exitCode).toBe(whole.exitCode);
  });

  it('fails a run with stale entries under --strict-baseline in any part', () => {
    const reads = shardsOf(
      {
        ...sampleReport,
        packages: sampleReport.packages.filter((p) => p.status === 'passed' || p.status === 'no-tests'),
      },
      2,
    );
    (reads[1]!.doc as { shard: ShardInfo }).shard.strictBaseline = true;
    const strict = mergeReports(checkShards(reads), '/src/demo');
    expect(strict.summary.failed + strict.summary.leaked + strict.summary.buildFailed).toBe(0);
    expect(strict.stale).toHaveLength(1);
    expect(strict.exitCode).toBe(1);
  });
});

describe('checkShards', () => {
  it('names a package the parts do not cover', () => {
    const reads = shardsOf(sampleReport, 2);
    const doc = reads[0]!.doc as { packages: unknown[] };
    doc.packages = doc.packages.slice(1);
    expect(() => checkShards(reads)).toThrow(
      /^expected the shards to cover every package, found example\.com\/demo in none/,
    );
  });

  it('names shards of different splits or package lists', () => {
    const reads = shardsOf(sampleReport, 2);
    (reads[1]!.doc as { shard: ShardInfo }).shard.count = 3;
    expect(() => checkShards(reads)).toThrow(
      'expected shards of one split, found shard1.json (1/2) and shard2.json (2/3)',
    );
    const other = shardsOf(sampleReport, 2);
    (other[1]!.doc as { shard: ShardInfo }).shard.packages.push('example.com/demo/new');
    expect(() => checkShards(other)).toThrow(/found different package lists in shard1\.json and shard2\.json/);
  });

  it('refuses what is not a goleak-run report, and nothing at all', () => {
    expect(() => checkShards([{ file: 'x.json', doc: { packages: [] } }])).toThrow(
      'expected a goleak-run JSON report (--json) in x.json, found another document',
    );
    expect(() => checkShards([])).toThrow('expected JSON reports of the shards to merge, found none');
  });
});

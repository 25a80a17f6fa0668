// What a stressed package's report says: runs, seen-in per finding, the reproduction, and why a loop did not run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPackageReport } from '../../src/classify/package-report.js';
import type { PackageReport, PackageRun } from '../../src/model.js';
import { parseFoldedDump } from '../../src/parse/index.js';
import { annotateStress } from '../../src/stress/annotate.js';
import { parseRoundLog } from '../../src/stress/round-log.js';
import type { StressLoopResult } from '../../src/stress/stress-package.js';

const chunk = JSON.parse(readFileSync(new URL('data/chunk.json', import.meta.url), 'utf8'));
const run: PackageRun = {
  importPath: 'example.com/rounds',
  action: 'pass',
  elapsedSeconds: 0.4,
  cached: false,
  tests: ['TestA', 'TestB', 'TestC'].map((name) => ({ name, status: 'pass', elapsedSeconds: 0, output: [] })),
  output: [],
  buildOutput: [],
  buildFailed: false,
  check: { kind: 'leaked', waitedMs: 100, ignored: 0, groups: chunk.final.groups },
};
const ctx = {
  modulePath: 'example.com/rounds',
  moduleDir: '/m',
  packageDir: '/m',
  rules: [],
  readSource: () => undefined,
};
const report = toPackageReport(run, { endOfRun: parseFoldedDump(chunk.final.groups) }, ctx);
const loop = (over: Partial<StressLoopResult>): StressLoopResult => ({
  importPath: 'example.com/rounds',
  rounds: 40,
  chunks: 6,
  ms: 1234,
  tempToOriginal: {},
  sites: 5,
  ...over,
});
const found = {
  chunk: { index: 6, count: 3, cpu: [1], shuffle: '1', timeoutMs: 10_000 },
  end: { exitCode: 0, ms: 400 },
  verdict: 'leaked' as const,
  log: parseRoundLog(chunk.log, chunk.pid),
  results: {},
  dir: '/tmp/x',
};

describe('annotateStress', () => {
  it('gives the package its runs and each finding the rounds it appeared in', () => {
    const out = annotateStress(report, loop({ found, run }), run, 'goleak-run …');
    expect(out.stress).toEqual({ runs: 40, chunks: 6, seconds: 1.23, perturbationSites: 5, reproduce: 'goleak-run …' });
    const seen = out.leaks.map((f) => [
      f.topFunction.replace('example.com/rounds.', ''),
      f.stress?.seenIn,
      f.stress?.runs,
    ]);
    expect(seen.sort()).toEqual([
      ['TestA.func1', 3, 40],
      ['TestB.func1.1', 3, 40],
      ['TestC.func1', 1, 40],
    ]);
    expect(out.warnings).toEqual(report.warnings);
  });

  it('says why a package was not stressed, or ran no test', () => {
    const clean: PackageReport = { ...report, leaks: [], status: 'passed' };
    expect(
      annotateStress(clean, loop({ notStressed: 'its stress build failed: x' }), undefined, undefined).warnings,
    ).toEqual(['not stressed: its stress build failed: x']);
    expect(annotateStress(clean, loop({ rounds: 0 }), undefined, undefined).warnings).toEqual([
      'not stressed: no test ran in the stress binary',
    ]);
    expect(annotateStress(clean, loop({}), undefined, undefined)).toMatchObject({ warnings: [], stress: { runs: 40 } });
  });

  it('does not let a finding chunk pass quietly when its report shows nothing', () => {
    const clean: PackageReport = { ...report, leaks: [], status: 'passed' };
    expect(annotateStress(clean, loop({ found, run }), run, 'goleak-run …').warnings).toEqual([
      'stress: a chunk stopped the loop (leaked) but its report shows nothing',
    ]);
  });
});

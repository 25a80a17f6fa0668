// A goroutine that never blocks is caught somewhere else in its loop by every dump (recorded:
// test/classify/data/busy*.txt). Its leak keeps one fingerprint, so a baseline that accepted it
// accepts it again, and never calls it stale (gin's TestRaceContextCopy broke this).
import { describe, expect, it } from 'vitest';
import { applyBaseline, buildBaseline, runScopeOf } from '../../src/baseline/index.js';
import { toPackageReport } from '../../src/classify/index.js';
import type { Finding, PackageReport, PackageRun } from '../../src/model.js';
import {
  loadDump,
  readRecordedSource,
  RECORDED_MODULE_DIR,
  RECORDED_MODULE_PATH,
} from '../classify/support/parse-dump.js';

const PKG = `${RECORDED_MODULE_PATH}/busy`;
const SPINNER = `${PKG}.startSpinner`;

function busyRun(): PackageRun {
  return {
    importPath: PKG,
    action: 'pass',
    elapsedSeconds: 0.2,
    cached: false,
    tests: ['TestSpin', 'TestHang'].map((name) => ({ name, status: 'pass', elapsedSeconds: 0, output: [] })),
    output: [],
    buildOutput: [],
    buildFailed: false,
    check: { kind: 'leaked', waitedMs: 100, ignored: 0, groups: [] },
  };
}

function report(dumpFile: string, source: 'endOfRun' | 'timeout' = 'endOfRun'): PackageReport {
  return toPackageReport(
    busyRun(),
    { [source]: loadDump(dumpFile) },
    {
      modulePath: RECORDED_MODULE_PATH,
      moduleDir: RECORDED_MODULE_DIR,
      packageDir: `${RECORDED_MODULE_DIR}/busy`,
      rules: [],
      readSource: readRecordedSource,
    },
  );
}

const spinner = (r: PackageReport): Finding => {
  const found = r.leaks.filter((f) => f.createdBy === SPINNER);
  expect(found).toHaveLength(1);
  return found[0] as Finding;
};

describe('a busy goroutine', () => {
  const first = report('busy.txt');
  const again = report('busy-again.txt');
  const timedOut = report('busy-timeout.txt', 'timeout');

  it('is caught in different places by each dump (what the recordings are for)', () => {
    const tops = [first, again].map((r) => [spinner(r).state, spinner(r).topFunction]);
    expect(tops.every(([state]) => state === 'runnable')).toBe(true);
    expect(tops[0]).not.toEqual(tops[1]);
    expect(['running', 'runnable']).toContain(spinner(timedOut).state);
  });

  it('keeps one fingerprint, after the tests and when -timeout fires', () => {
    expect(spinner(again).fingerprint).toBe(spinner(first).fingerprint);
    expect(spinner(timedOut).fingerprint).toBe(spinner(first).fingerprint);
  });

  it('is known to the baseline that accepted it, which has nothing stale', () => {
    const scope = runScopeOf([busyRun()], { partialTests: false });
    const baseline = buildBaseline([first], undefined, scope);
    const { packages, stale } = applyBaseline([again], baseline, scope);
    expect(spinner(packages[0] as PackageReport).baseline).toBe('known');
    expect(packages[0]?.status).toBe('passed');
    expect(stale).toEqual([]);
  });
});

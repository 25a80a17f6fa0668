import { describe, it, expect } from 'vitest';
import { exitCodeFor, summarize, toPackageReport } from '../../src/classify/index.js';
import type { LeakCheck, PackageRun, TestResult } from '../../src/model.js';
import {
  loadDump,
  loadTestNames,
  readRecordedSource,
  RECORDED_MODULE_DIR,
  RECORDED_MODULE_PATH,
} from './support/parse-dump.js';

const test = (name: string, status: TestResult['status']): TestResult => ({
  name,
  status,
  elapsedSeconds: 0,
  output: [],
});
const run = (over: Partial<PackageRun> = {}): PackageRun => ({
  importPath: `${RECORDED_MODULE_PATH}/leaks`,
  action: 'pass',
  elapsedSeconds: 1.5,
  cached: false,
  tests: [test('TestTop', 'pass')],
  output: [],
  buildOutput: [],
  buildFailed: false,
  check: { kind: 'clean', waitedMs: 0, ignored: 0 },
  ...over,
});
const ctx = {
  modulePath: RECORDED_MODULE_PATH,
  moduleDir: RECORDED_MODULE_DIR,
  packageDir: `${RECORDED_MODULE_DIR}/leaks`,
  rules: [],
  readSource: readRecordedSource,
};
const leaked: LeakCheck = { kind: 'leaked', waitedMs: 300, ignored: 0, groups: [] };
const endOfRun = loadDump('leaks.txt');

describe('toPackageReport status rules', () => {
  it('passes a clean package and shows its directory relative to the module', () => {
    const r = toPackageReport(run(), { endOfRun: loadDump('clean.txt') }, ctx);
    expect(r).toMatchObject({ status: 'passed', dir: 'leaks', leaks: [], ignored: 0, failures: [] });
    expect(toPackageReport(run(), {}, { ...ctx, packageDir: RECORDED_MODULE_DIR }).dir).toBe('.');
  });

  it('takes a failed test event as a failure only when go test failed the package', () => {
    const tests = [test('TestOuter', 'pass'), test('TestOuter/Inner', 'fail')];
    const passed = toPackageReport(run({ tests }), {}, ctx);
    expect(passed).toMatchObject({ status: 'passed', failures: [] });
    expect(passed.warnings).toEqual([
      'go test passed the package, though its events say TestOuter/Inner failed (tests run by a test, as with testing.RunTests)',
    ]);
    const many = [test('TestOuter', 'pass'), ...['A', 'B', 'C', 'D', 'E'].map((n) => test(`TestOuter/${n}`, 'fail'))];
    expect(toPackageReport(run({ tests: many }), {}, ctx).warnings).toEqual([
      'go test passed the package, though its events say TestOuter/A, TestOuter/B, TestOuter/C and 2 more failed (tests run by a test, as with testing.RunTests)',
    ]);
    const failed = toPackageReport(run({ tests, action: 'fail' }), {}, ctx);
    expect(failed).toMatchObject({ status: 'failed', failures: [], warnings: [] });
  });

  it('marks leaks as leaked', () => {
    const r = toPackageReport(run({ check: leaked }), { endOfRun }, ctx);
    expect(r.status).toBe('leaked');
    expect(r.leaks.length).toBe(15);
  });

  it('lets a failed test win over leaks, which are still listed', () => {
    const r = toPackageReport(
      run({ action: 'fail', check: leaked, tests: [test('TestTop', 'fail')] }),
      { endOfRun },
      ctx,
    );
    expect(r.status).toBe('failed');
    expect(r.leaks.length).toBe(15);
  });

  it('fails a passing package whose leak check did not run', () => {
    const r = toPackageReport(run({ check: { kind: 'missing' } }), {}, ctx);
    expect(r.status).toBe('failed');
    expect(r.failures).toEqual(['leak check did not run']);
  });

  it('reports a timeout with its running tests and its timeout findings', () => {
    const tests = loadTestNames('timeout.txt').map((name) => test(name, 'running'));
    const r = toPackageReport(
      run({
        importPath: `${RECORDED_MODULE_PATH}/hang`,
        action: 'fail',
        check: { kind: 'missing' },
        tests,
        timeout: { dump: '', runningTests: ['TestHang', 'TestHang/stuck'] },
      }),
      { timeout: loadDump('timeout.txt') },
      { ...ctx, packageDir: `${RECORDED_MODULE_DIR}/hang` },
    );
    expect(r.status).toBe('failed');
    expect(r.failures).toEqual(['test timed out; still running: TestHang, TestHang/stuck']);
    expect(r.leaks.map((f) => [f.source, f.tests])).toEqual([
      ['timeout', [{ attribution: { kind: 'test', test: 'TestHang', subtest: 'stuck' }, count: 1 }]],
      ['timeout', [{ attribution: { kind: 'test', test: 'TestHang', subtest: 'stuck' }, count: 1 }]],
    ]);
  });

  it('reports panics, failures outside tests, build failures and packages without tests', () => {
    const panicked = toPackageReport(run({ action: 'fail', panic: { test: 'TestTop', message: 'boom' } }), {}, ctx);
    expect(panicked).toMatchObject({ status: 'failed', failures: ['panic in TestTop: boom'] });
    const exited = toPackageReport(run({ action: 'fail' }), {}, ctx);
    expect(exited.status).toBe('failed');
    expect(exited.failures).toHaveLength(1);
    const broken = toPackageReport(
      run({ action: 'fail', buildFailed: true, buildOutput: ['a.go:1:1: undefined: x'], tests: [] }),
      {},
      ctx,
    );
    expect(broken).toMatchObject({ status: 'build-failed', failures: ['a.go:1:1: undefined: x'] });
    const none = toPackageReport(run({ action: 'skip', tests: [], check: { kind: 'missing' } }), {}, ctx);
    expect(none).toMatchObject({ status: 'no-tests', failures: [] });
  });
});

describe('summarize and exitCodeFor', () => {
  const passed = toPackageReport(run(), {}, ctx);
  const leakedPkg = toPackageReport(run({ check: leaked }), { endOfRun }, ctx);
  const failed = toPackageReport(
    run({ action: 'fail', tests: [test('TestA', 'fail'), test('TestA/x', 'fail')] }),
    {},
    ctx,
  );

  it('counts packages, findings, goroutines and failed tests', () => {
    expect(summarize([passed, leakedPkg, failed], [])).toEqual({
      packages: 3,
      passed: 1,
      leaked: 1,
      failed: 1,
      buildFailed: 0,
      noTests: 0,
      leakFindings: 15,
      leakedGoroutines: 18,
      newLeaks: 15,
      knownLeaks: 0,
      stale: 0,
      testsFailed: 2,
    });
  });

  it('exits 1 for failures or new leaks, and for stale entries only when strict', () => {
    const stale = [{ fingerprint: 'f', package: 'p', tests: ['TestX'], summary: 's' }];
    expect(exitCodeFor(summarize([passed], []), { strictBaseline: true })).toBe(0);
    expect(exitCodeFor(summarize([passed, leakedPkg], []), { strictBaseline: false })).toBe(1);
    expect(exitCodeFor(summarize([failed], []), { strictBaseline: false })).toBe(1);
    expect(exitCodeFor(summarize([passed], stale), { strictBaseline: false })).toBe(0);
    expect(exitCodeFor(summarize([passed], stale), { strictBaseline: true })).toBe(1);
  });
});

import { describe, it, expect } from 'vitest';
import { applyBaseline, buildBaseline, pruneBaseline, runScopeOf, type Baseline, type BaselineEntry } from '../../src/baseline/index.js';
import { summarize } from '../../src/classify/index.js';
import { readRecordedSource } from '../classify/support/parse-dump.js';
import { fullScope, leaksReport, leaksRun } from './support.js';

const report = leaksReport();
const baseline = buildBaseline([report], undefined, fullScope());
const entry = (over: Partial<BaselineEntry>): BaselineEntry => ({
  fingerprint: 'ffffffffffffffff',
  package: 'example.com/leaky/leaks',
  test: 'TestGone',
  count: 1,
  state: 'chan receive',
  top: 'example.com/leaky/leaks.Block',
  ...over,
});
const withEntries = (...extra: BaselineEntry[]): Baseline => ({ version: 1, leaks: [...baseline.leaks, ...extra] });

describe('applyBaseline', () => {
  it('marks every finding of a baselined run known and the package passed', () => {
    const { packages, stale } = applyBaseline([report], baseline, fullScope());
    expect(packages[0]?.status).toBe('passed');
    expect(packages[0]?.leaks.every((f) => f.baseline === 'known')).toBe(true);
    expect(stale).toEqual([]);
    expect(summarize(packages, stale)).toMatchObject({ knownLeaks: 17, newLeaks: 0, leaked: 0 });
  });

  it('still knows the leaks after a line was inserted above them (leaks-shifted.txt)', () => {
    const shiftedSource = (f: string) => {
      const t = readRecordedSource(f);
      return t === undefined ? undefined : `// An edit above the leaks moves every line down by one.\n${t}`;
    };
    const { packages, stale } = applyBaseline([leaksReport('leaks-shifted.txt', shiftedSource)], baseline, fullScope());
    expect(packages[0]?.status).toBe('passed');
    expect(stale).toEqual([]);
  });

  it('treats more goroutines than the baseline accepts as new, with the accepted count', () => {
    const table = report.leaks.find((f) => f.count === 2);
    const lowered = { version: 1 as const, leaks: baseline.leaks.map((e) => (e.fingerprint === table?.fingerprint ? { ...e, count: 1 } : e)) };
    const { packages } = applyBaseline([report], lowered, fullScope());
    const marked = packages[0]?.leaks.find((f) => f.fingerprint === table?.fingerprint);
    expect(marked).toMatchObject({ baseline: 'new', baselineCount: 1, count: 2 });
    expect(packages[0]?.status).toBe('leaked');
  });

  it('marks findings missing from the baseline new, without a baseline count', () => {
    const { packages } = applyBaseline([report], { version: 1, leaks: [] }, fullScope());
    expect(packages[0]?.leaks.every((f) => f.baseline === 'new' && f.baselineCount === undefined)).toBe(true);
    expect(packages[0]?.status).toBe('leaked');
  });

  it('leaves failed packages failed', () => {
    const failed = { ...report, status: 'failed' as const };
    expect(applyBaseline([failed], baseline, fullScope()).packages[0]?.status).toBe('failed');
  });

  it('reports entries of tests that ran, package-level entries and, on full runs, unknown ones as stale', () => {
    const gone = [
      entry({ fingerprint: '1111111111111111', test: 'TestTop' }),
      entry({ fingerprint: '2222222222222222', test: 'package level', createdBy: 'example.com/leaky/leaks.init.0', createdAt: 'leaks/leaks.go:9' }),
      entry({ fingerprint: '3333333333333333', test: 'unknown' }),
      entry({ fingerprint: '4444444444444444', test: 'TestNotRun' }),
      entry({ fingerprint: '5555555555555555', package: 'example.com/leaky/other', test: 'TestTop' }),
    ];
    const { stale } = applyBaseline([report], withEntries(...gone), fullScope());
    expect(stale.map((s) => [s.fingerprint, s.test])).toEqual([
      ['1111111111111111', 'TestTop'],
      ['2222222222222222', 'package level'],
      ['3333333333333333', 'unknown'],
    ]);
    expect(stale[1]?.summary).toBe('1 × example.com/leaky/leaks.Block [chan receive] created by example.com/leaky/leaks.init.0 at leaks/leaks.go:9');
  });

  it('does not call unknown entries stale when -run or -skip limited the tests', () => {
    const partial = runScopeOf([leaksRun()], { partialTests: true });
    const { stale } = applyBaseline([report], withEntries(entry({ test: 'unknown' })), partial);
    expect(stale).toEqual([]);
  });

  it('does not call anything stale in a package whose leak check did not report', () => {
    const scope = runScopeOf([{ ...leaksRun(), action: 'fail', check: { kind: 'missing' } }], { partialTests: false });
    expect(scope.packages.size).toBe(0);
    expect(applyBaseline([report], withEntries(entry({ test: 'TestTop' })), scope).stale).toEqual([]);
  });
});

describe('buildBaseline and pruneBaseline', () => {
  it('replaces covered entries and keeps those the run could not see', () => {
    const outside = entry({ fingerprint: 'aaaaaaaaaaaaaaaa', package: 'example.com/leaky/other' });
    const notRun = entry({ fingerprint: 'bbbbbbbbbbbbbbbb', test: 'TestNotRun' });
    const fixed = entry({ fingerprint: 'cccccccccccccccc', test: 'TestTop' });
    const next = buildBaseline([report], withEntries(outside, notRun, fixed), fullScope());
    const prints = next.leaks.map((e) => e.fingerprint);
    expect(prints).toContain('aaaaaaaaaaaaaaaa');
    expect(prints).toContain('bbbbbbbbbbbbbbbb');
    expect(prints).not.toContain('cccccccccccccccc');
    expect(next.leaks).toHaveLength(baseline.leaks.length + 2);
  });

  it('takes the current count for a leak seen again', () => {
    const table = baseline.leaks.find((e) => e.count === 2);
    const prev = { version: 1 as const, leaks: baseline.leaks.map((e) => (e === table ? { ...e, count: 5 } : e)) };
    expect(buildBaseline([report], prev, fullScope()).leaks.find((e) => e.fingerprint === table?.fingerprint)?.count).toBe(2);
  });

  it('prunes exactly the stale entries', () => {
    const fixed = entry({ fingerprint: 'dddddddddddddddd', test: 'TestTop' });
    const b = withEntries(fixed);
    const { stale } = applyBaseline([report], b, fullScope());
    expect(pruneBaseline(b, stale)).toEqual(baseline);
  });
});

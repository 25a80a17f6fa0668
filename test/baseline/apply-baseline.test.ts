import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  applyBaseline,
  buildBaseline,
  parseBaseline,
  pruneBaseline,
  runScopeOf,
  type Baseline,
  type BaselineEntry,
} from '../../src/baseline/index.js';
import { summarize } from '../../src/classify/index.js';
import { readRecordedSource } from '../classify/support/parse-dump.js';
import { fullScope, leaksReport, leaksRun } from './support.js';

const report = leaksReport();
const baseline = buildBaseline([report], undefined, fullScope());
const entry = (over: Partial<BaselineEntry>): BaselineEntry => ({
  fingerprint: 'ffffffffffffffff',
  package: 'example.com/leaky/leaks',
  tests: [{ name: 'TestGone', count: 1 }],
  count: 1,
  state: 'chan receive',
  top: 'example.com/leaky/leaks.Block',
  ...over,
});
const withEntries = (...extra: BaselineEntry[]): Baseline => ({ version: 2, leaks: [...baseline.leaks, ...extra] });
const tested = (name: string) => ({ tests: [{ name, count: 1 }] });

describe('applyBaseline', () => {
  it('marks every finding of a baselined run known and the package passed', () => {
    const { packages, stale } = applyBaseline([report], baseline, fullScope());
    expect(packages[0]?.status).toBe('passed');
    expect(packages[0]?.leaks.every((f) => f.baseline === 'known')).toBe(true);
    expect(stale).toEqual([]);
    expect(summarize(packages, stale)).toMatchObject({ knownLeaks: 15, newLeaks: 0, leaked: 0 });
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
    const serve = report.leaks.find((f) => f.count === 4);
    const lowered = {
      version: 2 as const,
      leaks: baseline.leaks.map((e) => (e.fingerprint === serve?.fingerprint ? { ...e, count: 3 } : e)),
    };
    const { packages } = applyBaseline([report], lowered, fullScope());
    const marked = packages[0]?.leaks.find((f) => f.fingerprint === serve?.fingerprint);
    expect(marked).toMatchObject({ baseline: 'new', baselineCount: 3, count: 4 });
    expect(packages[0]?.status).toBe('leaked');
  });

  it('marks findings missing from the baseline new, without a baseline count', () => {
    const { packages } = applyBaseline([report], { version: 2, leaks: [] }, fullScope());
    expect(packages[0]?.leaks.every((f) => f.baseline === 'new' && f.baselineCount === undefined)).toBe(true);
    expect(packages[0]?.status).toBe('leaked');
  });

  it('leaves failed packages failed', () => {
    const failed = { ...report, status: 'failed' as const };
    expect(applyBaseline([failed], baseline, fullScope()).packages[0]?.status).toBe('failed');
  });

  it('reports entries of tests that ran, package-level entries and, on full runs, unknown ones as stale', () => {
    const gone = [
      entry({ fingerprint: '1111111111111111', ...tested('TestTop') }),
      entry({
        fingerprint: '2222222222222222',
        ...tested('package level'),
        createdBy: 'example.com/leaky/leaks.init.0',
        createdAt: 'leaks/leaks.go:9',
      }),
      entry({ fingerprint: '3333333333333333', ...tested('unknown') }),
      entry({ fingerprint: '4444444444444444', ...tested('TestNotRun') }),
      entry({ fingerprint: '5555555555555555', package: 'example.com/leaky/other', ...tested('TestTop') }),
      // A site two tests leaked is stale only when both ran.
      entry({
        fingerprint: '6666666666666666',
        tests: [
          { name: 'TestTop', count: 1 },
          { name: 'TestNotRun', count: 1 },
        ],
      }),
      entry({
        fingerprint: '7777777777777777',
        tests: [
          { name: 'TestTop', count: 1 },
          { name: 'TestSub/with_space', count: 2 },
        ],
        count: 3,
      }),
    ];
    const { stale } = applyBaseline([report], withEntries(...gone), fullScope());
    expect(stale.map((s) => [s.fingerprint, s.tests])).toEqual([
      ['1111111111111111', ['TestTop']],
      ['7777777777777777', ['TestTop', 'TestSub/with_space']],
      ['2222222222222222', ['package level']],
      ['3333333333333333', ['unknown']],
    ]);
    expect(stale[2]?.summary).toBe(
      '1 × example.com/leaky/leaks.Block [chan receive] created by example.com/leaky/leaks.init.0 at leaks/leaks.go:9',
    );
  });

  it('does not call unknown entries stale when -run or -skip limited the tests', () => {
    const partial = runScopeOf([leaksRun()], { partialTests: true });
    const { stale } = applyBaseline([report], withEntries(entry(tested('unknown'))), partial);
    expect(stale).toEqual([]);
  });

  it('does not call anything stale in a package whose leak check did not report', () => {
    const scope = runScopeOf([{ ...leaksRun(), action: 'fail', check: { kind: 'missing' } }], { partialTests: false });
    expect(scope.packages.size).toBe(0);
    expect(applyBaseline([report], withEntries(entry(tested('TestTop'))), scope).stale).toEqual([]);
  });
});

describe('buildBaseline and pruneBaseline', () => {
  it('replaces covered entries and keeps those the run could not see', () => {
    const outside = entry({ fingerprint: 'aaaaaaaaaaaaaaaa', package: 'example.com/leaky/other' });
    const notRun = entry({ fingerprint: 'bbbbbbbbbbbbbbbb', ...tested('TestNotRun') });
    const fixed = entry({ fingerprint: 'cccccccccccccccc', ...tested('TestTop') });
    const next = buildBaseline([report], withEntries(outside, notRun, fixed), fullScope());
    const prints = next.leaks.map((e) => e.fingerprint);
    expect(prints).toContain('aaaaaaaaaaaaaaaa');
    expect(prints).toContain('bbbbbbbbbbbbbbbb');
    expect(prints).not.toContain('cccccccccccccccc');
    expect(next.leaks).toHaveLength(baseline.leaks.length + 2);
  });

  it('takes the current count for a leak seen again', () => {
    const serve = baseline.leaks.find((e) => e.count === 4);
    const prev = { version: 2 as const, leaks: baseline.leaks.map((e) => (e === serve ? { ...e, count: 5 } : e)) };
    expect(
      buildBaseline([report], prev, fullScope()).leaks.find((e) => e.fingerprint === serve?.fingerprint)?.count,
    ).toBe(4);
  });

  it('prunes exactly the stale entries', () => {
    const fixed = entry({ fingerprint: 'dddddddddddddddd', ...tested('TestTop') });
    const b = withEntries(fixed);
    const { stale } = applyBaseline([report], b, fullScope());
    expect(pruneBaseline(b, stale)).toEqual(baseline);
  });
});

describe('a version-1 baseline (recorded by record-v1.sh with the version-1 tool)', () => {
  const v1 = parseBaseline(readFileSync(new URL('data/leaks-v1.yaml', import.meta.url), 'utf8'), 'leaks-v1.yaml');

  it('is read as legacy entries, one per test share, with their tests', () => {
    expect(v1.version).toBe(2);
    expect(v1.leaks).toHaveLength(17);
    expect(v1.leaks.every((e) => e.legacy === true && e.tests.length === 1 && e.tests[0]?.count === e.count)).toBe(
      true,
    );
  });

  it('keeps every leak of the same run known, with nothing stale', () => {
    const { packages, stale } = applyBaseline([report], v1, fullScope());
    expect(packages[0]?.status).toBe('passed');
    expect(packages[0]?.leaks.every((f) => f.baseline === 'known')).toBe(true);
    expect(stale).toEqual([]);
  });

  it('calls a site new when one of its tests leaks more than its old entry accepted', () => {
    const serve = report.leaks.find((f) => f.count === 4)!;
    const lowered: Baseline = {
      version: 2,
      leaks: v1.leaks.map((e) => (e.tests[0]?.name === 'TestTable' ? { ...e, count: 1 } : e)),
    };
    const marked = applyBaseline([report], lowered, fullScope()).packages[0]?.leaks.find(
      (f) => f.fingerprint === serve.fingerprint,
    );
    expect(marked).toMatchObject({ baseline: 'new', baselineCount: 3 });
  });

  it('calls old entries stale when their test ran and leaked nothing there', () => {
    const gone = entry({ fingerprint: '1212121212121212', ...tested('TestTop'), legacy: true });
    const { stale } = applyBaseline([report], { version: 2, leaks: [...v1.leaks, gone] }, fullScope());
    expect(stale.map((s) => s.fingerprint)).toEqual(['1212121212121212']);
  });

  it('is written back in the new form on update, keeping old entries the run did not cover', () => {
    const notRun = entry({ fingerprint: '3434343434343434', ...tested('TestNotRun'), legacy: true });
    const next = buildBaseline([report], { version: 2, leaks: [...v1.leaks, notRun] }, fullScope());
    expect(next.leaks.filter((e) => e.legacy)).toEqual([notRun]);
    expect(next.leaks.filter((e) => !e.legacy)).toEqual(baseline.leaks);
  });
});

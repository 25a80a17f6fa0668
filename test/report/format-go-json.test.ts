// The events --go-json adds for each package of the sample report, against a golden, and the rules
// behind them: new end-of-run leaks only, details before the result line, parents of subtests fail.
import { describe, expect, it } from 'vitest';
import type { PackageReport } from '../../src/model.js';
import { failClosingLine, goJsonVerdict } from '../../src/report/format-go-json.js';
import { sampleReport } from './sample-report.js';

const close = { action: 'pass', time: '2026-01-02T03:04:05.000000006Z' };
const paths = { moduleDir: '/src/demo' };

describe('goJsonVerdict', () => {
  it('matches the golden for every package of the sample report', async () => {
    // Go's own closing action: fail for build failures and failing tests, skip without test files.
    const goAction = (pkg: PackageReport) =>
      pkg.status === 'build-failed' || pkg.tests.some((t) => t.status === 'fail' || t.status === 'running')
        ? 'fail'
        : pkg.status === 'no-tests'
          ? 'skip'
          : 'pass';
    const lines = sampleReport.packages.flatMap((pkg) => {
      const v = goJsonVerdict(pkg, { ...close, action: goAction(pkg) }, paths);
      return [`# ${pkg.importPath} ${pkg.status} flip=${v.flip}`, ...v.events.map((e) => JSON.stringify(e))];
    });
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__golden__/go-json.txt');
  });

  it("gives each leaking test the details, then Go's result line, then a fail action; subtests fail their parents", () => {
    const pkg = sampleReport.packages.find((p) =>
      p.leaks.some((f) => f.tests.some((t) => t.attribution.kind === 'test' && t.attribution.subtest)),
    )!;
    const { events } = goJsonVerdict(pkg, close, paths);
    for (const name of new Set(events.map((e) => e.Test).filter((t): t is string => t !== undefined))) {
      const own = events.filter((e) => e.Test === name);
      expect(own.at(-1)).toMatchObject({ Action: 'fail', Package: pkg.importPath, Time: close.time });
      expect(own.at(-2)?.Output).toMatch(
        new RegExp(`^ *--- FAIL: ${name.replace(/[/]/g, '\\/')} \\(\\d+\\.\\d\\ds\\)\\n$`),
      );
    }
    const failed = events.filter((e) => e.Action === 'fail').map((e) => e.Test!);
    expect(failed.some((t) => t.includes('/'))).toBe(true);
    for (const sub of failed.filter((t) => t.includes('/'))) expect(failed).toContain(sub.split('/')[0]);
  });

  it('adds nothing for known leaks or timeout findings, and keeps Go verdicts that already failed', () => {
    const base = sampleReport.packages[0]!;
    const known: PackageReport = {
      ...base,
      status: 'passed',
      leaks: base.leaks.map((f) => ({ ...f, baseline: 'known' as const })),
    };
    expect(goJsonVerdict(known, close, paths)).toEqual({ events: [], flip: false });
    const hung: PackageReport = {
      ...base,
      status: 'failed',
      leaks: base.leaks.map((f) => ({ ...f, source: 'timeout' as const })),
    };
    expect(goJsonVerdict(hung, { action: 'fail' }, paths)).toEqual({ events: [], flip: false });
  });

  it('fails a package Go passed whose leak check did not run, with the reason as package output', () => {
    const base = sampleReport.packages[0]!;
    const missing: PackageReport = {
      ...base,
      status: 'failed',
      leaks: [],
      failures: ['leak check did not run: TestMain exited through log.Fatal'],
    };
    const v = goJsonVerdict(missing, close, paths);
    expect(v.flip).toBe(true);
    expect(v.events).toEqual([
      {
        Time: close.time,
        Action: 'output',
        Package: base.importPath,
        Output: 'goleak-run: leak check did not run: TestMain exited through log.Fatal\n',
      },
    ]);
  });
});

describe('failClosingLine', () => {
  it.each([
    ['PASS\n', 'FAIL\n'],
    ['ok  \texample.com/demo/pool\t0.512s\n', 'FAIL\texample.com/demo/pool\t0.512s\n'],
    ['ok  \texample.com/demo/pool\t(cached)\n', 'FAIL\texample.com/demo/pool\t(cached)\n'],
    ['PASS: not the closing line\n', 'PASS: not the closing line\n'],
  ])('%j → %j', (line, want) => {
    expect(failClosingLine(line)).toBe(want);
  });
});

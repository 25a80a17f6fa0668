// End to end over fixtures/leaks with the real go test: every blocking shape, attribution,
// package statuses, and golden files for every reporter from this one real run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { fetchJenkinsJunitXsd, withoutExtensions } from '../report/junit-xsd.js';
import { parseTap } from '../report/tap-read.js';
import { fixture, gitStatus, normalise, readJson, runCli, tempDir } from './run-cli.js';

const moduleDir = fixture('leaks');
const out = tempDir();
let run: Awaited<ReturnType<typeof runCli>>;
let report: any;

const pkg = (name: string) => report.packages.find((p: any) => p.importPath === `example.com/leaks/${name}`);
const leakOf = (name: string, test: string) =>
  pkg(name).leaks.filter((l: any) => l.tests.some((t: any) => t.name === test));

beforeAll(async () => {
  run = await runCli(moduleDir, [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '500ms', // room for the settle fixture's 100ms goroutine on a loaded CI machine
    '--json',
    join(out.path, 'report.json'),
    '--junit',
    join(out.path, 'junit.xml'),
    '--tap',
    join(out.path, 'report.tap'),
    '--github-annotations',
    '--step-summary',
    join(out.path, 'summary.md'),
    './...',
    '--',
    '-count=1',
  ]);
  report = readJson(join(out.path, 'report.json'));
});
afterAll(() => out.remove());

describe('goleak-run on fixtures/leaks', () => {
  it('exits 1 and counts every status', () => {
    expect(run.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ packages: 10, passed: 2, leaked: 4, failed: 2, buildFailed: 1, noTests: 1 });
    expect(run.stdout).toMatch(
      /^goleak-run: FAIL 10 packages: 2 passed, 4 leaked \(19 goroutines in 16 findings\), 2 failed, 1 build failed, 1 no tests; [\d.]+s$/m,
    );
  });

  it.each([
    ['TestChanSend', 'chan send', 13],
    ['TestChanRecv', 'chan receive', 16],
    ['TestSelect', 'select', 21],
    ['TestNilChan', 'chan receive (nil chan)', 31],
    ['TestWaitGroup', 'sync.WaitGroup.Wait', 41],
    ['TestMutex', 'sync.Mutex.Lock', 48],
    ['TestRWMutex', 'sync.RWMutex.RLock', 55],
    ['TestCond', 'sync.Cond.Wait', 61],
    ['TestSleepLoop', 'sleep', 70],
    ['TestTimer', 'chan receive', 80],
    ['TestContext', 'chan receive', 87],
  ])('finds the %s leak as %s created at shapes.go:%i', (test, state, line) => {
    const [leak, ...rest] = leakOf('shapes', test);
    expect(rest).toEqual([]);
    expect(leak).toMatchObject({
      count: 1,
      state,
      createdAt: { file: 'shapes/shapes.go', line },
      source: 'end-of-run',
    });
  });

  it('finds the httptest server that was never closed, located at the NewServer call in the module', () => {
    const [leak] = leakOf('shapes', 'TestHTTPServer');
    expect(leak.state).toBe('IO wait');
    expect(leak.createdBy).toBe('net/http/httptest.(*Server).goServe');
    expect(leak.createdAt).toEqual({
      file: 'shapes/shapes.go',
      line: 92,
      function: 'example.com/leaks/shapes.HTTPServer',
      inModule: true,
    });
  });

  it('attributes leaks of parallel tests, subtests and table tests, one finding for their one site', () => {
    expect(pkg('parallel').status).toBe('leaked');
    const [site, ...rest] = pkg('parallel').leaks;
    expect(rest).toEqual([]);
    // The table-driven subtest's name is not a literal: only the top-level test can be told.
    expect(site.tests).toEqual([
      { name: 'TestParallelA', count: 1 },
      { name: 'TestParallelB', count: 1 },
      { name: 'TestSubtests/leaks_here', count: 1 },
      { name: 'TestTable', count: 1 },
    ]);
  });

  it('attributes external test packages and package-level goroutines', () => {
    expect(leakOf('external', 'TestFromOutside')).toHaveLength(1);
    expect(pkg('pkglevel').leaks).toMatchObject([
      { tests: [{ name: 'package level', count: 1 }], createdBy: 'example.com/leaks/pkglevel.init.0' },
    ]);
  });

  it('does not report goroutines that finish shortly after the tests, nor the signal loop', () => {
    expect(pkg('settle')).toMatchObject({ status: 'passed', leaks: [] });
    expect(pkg('settle').tests.passed).toEqual(['TestFinishesAfterTests', 'TestSignals']);
    expect(pkg('clean')).toMatchObject({ status: 'passed', leaks: [] });
  });

  it('reports failing tests over leaks, and still lists the leak', () => {
    const failing = pkg('failing');
    expect(failing.status).toBe('failed');
    expect(failing.tests).toEqual({ passed: ['TestLeaks'], failed: ['TestFails'], skipped: ['TestSkips'] });
    expect(failing.leaks).toMatchObject([{ tests: [{ name: 'TestLeaks', count: 1 }], state: 'select (no cases)' }]);
  });

  it('reports panics, build failures with the user path, and packages without tests', () => {
    expect(pkg('panics')).toMatchObject({ status: 'failed', tests: { failed: ['TestPanics'] } });
    expect(pkg('panics').failures.join('\n')).toContain('index out of range');
    expect(pkg('broken').status).toBe('build-failed');
    expect(pkg('broken').failures.join('\n')).toMatch(/^broken\/broken_test\.go:6:17: cannot use Answer\(\)/m);
    expect(pkg('nontest').status).toBe('no-tests');
  });

  it('does not enter the nested module, as go test ./... does not', () => {
    expect(report.packages.map((p: any) => p.importPath)).not.toContain('example.com/nested/inner');
  });

  it('writes JUnit XML that validates against the Jenkins JUnit XSD, with counts that add up', async () => {
    const xml = readFileSync(join(out.path, 'junit.xml'), 'utf8');
    const result = await validateXML({
      xml: [{ fileName: 'junit.xml', contents: withoutExtensions(xml) }],
      schema: [await fetchJenkinsJunitXsd()],
    });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const cases = xml.match(/<testcase\b/g) ?? [];
    expect(xml).toMatch(new RegExp(`<testsuites [^>]*tests="${cases.length}"`));
    expect(xml.match(/name="leak: /g)).toHaveLength(16);
  });

  it('writes TAP that tap-parser reads back: a point per package, one per finding', () => {
    const { points, errors, final } = parseTap(readFileSync(join(out.path, 'report.tap'), 'utf8'));
    expect(errors).toEqual([]);
    expect(points.filter((p) => p.path.length === 0)).toHaveLength(10);
    const leakPoints = points.filter((p) => p.name.startsWith('leak: '));
    expect(leakPoints).toHaveLength(16);
    expect(leakPoints.every((p) => !p.ok)).toBe(true);
    expect(leakPoints.reduce((n, p) => n + (p.diag as any)?.count, 0)).toBe(19);
    expect(final.ok).toBe(false);
  });

  it('leaves the fixture untouched', () => {
    expect(gitStatus('fixtures/leaks')).toBe('');
  });

  describe('golden reports from this run', () => {
    it.each([
      ['console.txt', () => run.stdout.replace(/^::.*\n/gm, '')],
      [
        'annotations.txt',
        () =>
          run.stdout
            .split('\n')
            .filter((l) => l.startsWith('::'))
            .join('\n'),
      ],
      ['report.json', () => readFileSync(join(out.path, 'report.json'), 'utf8')],
      ['junit.xml', () => readFileSync(join(out.path, 'junit.xml'), 'utf8')],
      ['report.tap', () => readFileSync(join(out.path, 'report.tap'), 'utf8')],
      ['summary.md', () => readFileSync(join(out.path, 'summary.md'), 'utf8')],
    ])('%s', async (name, read) => {
      await expect(normalise(read(), moduleDir)).toMatchFileSnapshot(`__golden__/leaks/${name}`);
    });
  });
});

// End to end over fixtures/robust: goleak users, tests that print crash text and forged
// records, tests that change the check's environment, and a late t.Log. Each package is
// compared with what plain `go test` says about it.
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const P = 'example.com/robust';
const out = tempDir();
let report: any;
let exitCode: number | undefined;
const plain = new Map<string, string>();
const pkg = (name: string) => report.packages.find((p: any) => p.importPath === `${P}/${name}`);
const stackFuncs = (name: string): string[] => pkg(name).leaks.flatMap((l: any) => l.stack.map((f: any) => f.function));
// The tests a finding names, whichever way the report groups them.
const testsOf = (leak: any): string[] =>
  leak.tests
    ? leak.tests.map((t: any) => t.name ?? t.test ?? t)
    : [leak.test ?? leak.attribution?.test].filter(Boolean);

beforeAll(async () => {
  const plainRun = await execa('go', ['test', '-json', '-count=1', './...'], { cwd: fixture('robust'), reject: false });
  for (const line of String(plainRun.stdout).split('\n')) {
    const e = line.startsWith('{') ? JSON.parse(line) : undefined;
    if (e?.Test === undefined && ['pass', 'fail'].includes(e?.Action)) plain.set(e.Package, e.Action);
  }
  const json = join(out.path, 'robust.json');
  const run = await runCli(fixture('robust'), [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '500ms',
    '--json',
    json,
    '--',
    '-count=1',
  ]);
  exitCode = run.exitCode;
  report = readJson(json);
});
afterAll(() => out.remove());

describe('real-suite shapes that broke the verdict (issue #7)', () => {
  it('goleak.VerifyTestMain: goleak still fails the package, and goleak-run reports the leak by test, honouring the allowlist', () => {
    expect(plain.get(`${P}/goleakmain`)).toBe('fail');
    const p = pkg('goleakmain');
    expect(p.status).toBe('failed');
    expect(p.leaks).toHaveLength(1);
    expect(stackFuncs('goleakmain')).toContain(`${P}/goleakmain.leakGoleakMain`);
    expect(stackFuncs('goleakmain').some((f) => f.includes('allowedWorker'))).toBe(false);
    expect(testsOf(p.leaks[0])).toEqual(['TestLeaks']);
  });

  it.each(['goleakclean', 'goleakcurrent', 'clearenv'])('%s passes, as under plain go test', (name) => {
    expect(plain.get(`${P}/${name}`)).toBe('pass');
    expect(pkg(name)).toMatchObject({ status: 'passed', leaks: [], failures: [] });
  });

  it('crash text and forged records printed by passing tests change nothing: one real leak', () => {
    expect(plain.get(`${P}/printsrecords`)).toBe('pass');
    const p = pkg('printsrecords');
    expect(p.status).toBe('leaked');
    expect(p.failures).toEqual([]);
    expect(p.leaks).toHaveLength(1);
    expect(stackFuncs('printsrecords')).toContain(`${P}/printsrecords.leakPrintsRecords`);
    expect(testsOf(p.leaks[0])).toEqual(['TestLeaks']);
    expect(p.tests.failed).toEqual([]);
  });

  it('a cleared environment and a closed stdout do not hide a leak', () => {
    expect(plain.get(`${P}/clearenvleak`) ?? 'pass').toBe('pass');
    expect(pkg('clearenvleak').status).toBe('leaked');
    expect(stackFuncs('clearenvleak')).toContain(`${P}/clearenvleak.leakClearenvLeak`);
  });

  it('a test running failing tests of its own passes, as go test has it, with a warning', () => {
    expect(plain.get(`${P}/nestedruns`)).toBe('pass');
    const p = pkg('nestedruns');
    expect(p).toMatchObject({ status: 'passed', leaks: [], failures: [] });
    expect(p.tests.failed).toEqual(['TestRunsFailingTests/Inner']);
    expect(p.warnings).toEqual([
      'go test passed the package, though its events say TestRunsFailingTests/Inner failed (tests run by a test, as with testing.RunTests)',
    ]);
  });

  it('a late t.Log that crashes the binary during the wait is reported as the leak it is', () => {
    expect(plain.get(`${P}/latelog`)).toBe('pass');
    const p = pkg('latelog');
    expect(p.status).toBe('leaked');
    expect(p.failures).toEqual([]);
    expect(stackFuncs('latelog')).toContain(`${P}/latelog.logLater`);
    expect(testsOf(p.leaks[0])).toEqual(['TestLogsLate']);
    expect(p.warnings.join('\n')).toContain('Log in goroutine after TestLogsLate has completed');
  });

  it('an example expecting the runner’s own frames passes unchecked, and says so', () => {
    expect(plain.get(`${P}/runnerframes`)).toBe('pass');
    const p = pkg('runnerframes');
    expect(p).toMatchObject({ status: 'passed', failures: [], leaks: [] });
    expect(p.warnings).toEqual([
      expect.stringMatching(/^not checked for leaks: runnerframes_test\.go:25 expects the test runner's own frames/),
    ]);
  });

  it('exits 1 and leaves the fixture untouched', () => {
    expect(exitCode).toBe(1);
    expect(gitStatus('fixtures/robust')).toBe('');
  });
});

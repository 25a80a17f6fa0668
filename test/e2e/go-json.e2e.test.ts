// End to end: --go-json writes go test's own -json stream with each new leak added as a failed test,
// read by the real gotestsum (installed by .ci/run with `go install gotest.tools/gotestsum@<pinned>`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, fixture, gitStatus, runCli, tempDir } from './run-cli.js';

const moduleDir = fixture('leaks');
const out = tempDir();
const packages = ['./failing', './clean', './pkglevel', './parallel'];

/** gotestsum from PATH, else from `go env GOPATH`/bin, where `go install` puts it. */
function gotestsum(): string {
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .map((d) => join(d, 'gotestsum'))
    .find((p) => existsSync(p));
  if (onPath) return onPath;
  const gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim().split(':')[0]!;
  return join(gopath, 'bin', 'gotestsum');
}

interface Event {
  Action: string;
  Package?: string;
  Test?: string;
  Output?: string;
}

let fileRun: Awaited<ReturnType<typeof runCli>>;
let events: Event[];
const of = (pkg: string) => events.filter((e) => e.Package === `example.com/leaks/${pkg}`);

beforeAll(async () => {
  fileRun = await runCli(moduleDir, [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '500ms',
    '--go-json',
    join(out.path, 'go.json'),
    ...packages,
    '--',
    '-count=1',
  ]);
  events = readFileSync(join(out.path, 'go.json'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Event);
});
afterAll(() => out.remove());

describe('--go-json FILE', () => {
  it('is written atomically beside nothing else, and the console report still goes to stdout', () => {
    expect(fileRun.exitCode).toBe(1);
    expect(readdirSync(out.path)).toEqual(['go.json']);
    expect(fileRun.stdout).toMatch(/^goleak-run: FAIL 4 packages: 1 passed, 2 leaked/m);
    expect(gitStatus(moduleDir)).toBe('');
  });

  it("keeps Go's events and drops the check's signed record lines", () => {
    expect(events.some((e) => e.Output?.includes('goleak-run:v2'))).toBe(false);
    expect(of('clean').at(-1)).toMatchObject({ Action: 'pass' });
    expect(of('clean').some((e) => e.Test === 'TestRunStop' && e.Action === 'pass')).toBe(true);
    // A failure Go reported stays as Go reported it.
    expect(of('failing').some((e) => e.Test === 'TestFails' && e.Action === 'fail')).toBe(true);
  });

  it('adds a failed result carrying the leak to the test that leaked, and fails its package', () => {
    const leaks = of('failing').filter((e) => e.Test === 'TestLeaks');
    const pass = leaks.findIndex((e) => e.Action === 'pass');
    const fail = leaks.findIndex((e) => e.Action === 'fail');
    expect(pass).toBeGreaterThanOrEqual(0);
    expect(fail).toBeGreaterThan(pass);
    const output = leaks
      .slice(pass, fail)
      .map((e) => e.Output ?? '')
      .join('');
    expect(output).toContain('--- FAIL: TestLeaks');
    expect(output).toContain('goleak-run: 1 goroutine leaked by TestLeaks: select (no cases)');
    expect(output).toContain('failing/failing.go:5');
    expect(of('failing').at(-1)).toMatchObject({ Action: 'fail' });
    expect(
      of('failing').filter((e) => e.Test === undefined && e.Output?.startsWith('FAIL\texample.com/leaks/failing')),
    ).toHaveLength(1);
  });

  it('fails a subtest and its parent, and puts a package-level leak in package output', () => {
    const sub = of('parallel').filter((e) => e.Test === 'TestSubtests/leaks_here');
    expect(sub.at(-1)).toMatchObject({ Action: 'fail' });
    expect(
      of('parallel')
        .filter((e) => e.Test === 'TestSubtests')
        .at(-1),
    ).toMatchObject({ Action: 'fail' });
    const pkgOutput = of('pkglevel')
      .filter((e) => e.Test === undefined && e.Action === 'output')
      .map((e) => e.Output)
      .join('');
    expect(pkgOutput).toContain('goleak-run: 1 goroutine leaked (package level)');
    expect(pkgOutput).not.toMatch(/^ok /m);
    expect(of('pkglevel').at(-1)).toMatchObject({ Action: 'fail' });
  });
});

describe('gotestsum --raw-command -- goleak-run --go-json -', () => {
  it('renders a leak as a failed test in its summary and in its JUnit file', async () => {
    const junit = join(out.path, 'gotestsum.xml');
    const result = await execa(
      gotestsum(),
      [
        '--format',
        'pkgname',
        '--junitfile',
        junit,
        '--raw-command',
        '--',
        process.execPath,
        cliPath,
        '--no-config',
        '--no-baseline',
        '--max-wait',
        '500ms',
        '--go-json',
        '-',
        ...packages,
        '--',
        '-count=1',
      ],
      {
        cwd: moduleDir,
        reject: false,
        env: { CI: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '' },
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/✓ {2}clean/);
    expect(result.stdout).toMatch(/✖ {2}failing/);
    expect(result.stdout).toContain('=== FAIL: failing TestLeaks');
    expect(result.stdout).toContain('goleak-run: 1 goroutine leaked by TestLeaks');
    // The console report is not repeated on stderr, which gotestsum would list under "Errors".
    expect(result.stdout).not.toContain('=== Errors');
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /<testcase classname="example.com\/leaks\/failing" name="TestLeaks"[^>]*>\s*<failure[^>]*>[^<]*goleak-run: 1 goroutine leaked by TestLeaks/,
    );
    expect(xml).toMatch(/<testcase classname="example.com\/leaks\/clean" name="TestRunStop"[^>]*><\/testcase>/);
    expect(gitStatus(moduleDir)).toBe('');
  });
});

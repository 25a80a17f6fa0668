// End to end: bad input gets one clear line on stderr and exit code 2, and nothing is run or written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function expectUsageError(cwd: string, args: string[], message: RegExp, env: Record<string, string> = {}) {
  const run = await runCli(cwd, args, env);
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

// On the hang fixture, whose test deadlocks until -timeout (120s here): a quick exit 2 proves
// that the refusal came before any test ran.
async function expectRefusedBeforeRun(args: string[], goTestArgs: string[], message: RegExp) {
  const started = Date.now();
  const config = args.includes('--config') ? [] : ['--no-config'];
  await expectUsageError(
    fixture('hang'),
    [...config, ...args, '--', '-timeout', '120s', '-count=1', ...goTestArgs],
    message,
  );
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(gitStatus('fixtures/hang')).toBe('');
}

function writeTemp(name: string, text: string): string {
  const file = join(tmp.path, name);
  writeFileSync(file, text);
  return file;
}

// Each alias doubles the one before: expanded, 30 levels would be a billion nodes.
const laughs = [
  'version: 1',
  'a0: &a0 [lol, lol]',
  ...Array.from({ length: 30 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`),
].join('\n');

describe('bad input', () => {
  it('no go on PATH', async () => {
    await expectUsageError(
      fixture('demo'),
      [],
      /^goleak-run: expected the go command on PATH, found none; install Go from https:\/\/go\.dev\/dl\//,
      {
        PATH: '/nonexistent',
      },
    );
  });

  it('a directory outside any module', async () => {
    const outside = join(tmp.path, 'nomodule');
    mkdirSync(outside);
    await expectUsageError(
      outside,
      [],
      /^goleak-run: expected a directory inside a Go module or workspace \(a go\.mod or go\.work above it\), found none at /,
      {
        GOFLAGS: '',
        GO111MODULE: 'on',
      },
    );
  });

  it('a pattern that matches no packages', async () => {
    await expectUsageError(
      fixture('demo'),
      ['./nothing/...'],
      /^goleak-run: expected package pattern \.\/nothing\/\.\.\. to name packages in this module, found: /,
    );
  });

  it('an empty directory pattern', async () => {
    const mod = join(tmp.path, 'mod');
    mkdirSync(join(mod, 'empty'), { recursive: true });
    writeFileSync(join(mod, 'go.mod'), 'module example.com/mod\n\ngo 1.22\n');
    await expectUsageError(
      mod,
      ['./empty/...'],
      /^goleak-run: expected pattern \.\/empty\/\.\.\. to match packages, found none$/,
    );
  });

  it('an unknown flag', async () => {
    await expectUsageError(fixture('demo'), ['--frobnicate'], /^goleak-run: unknown option '--frobnicate'$/);
  });

  it('conflicting flags', async () => {
    await expectUsageError(
      fixture('demo'),
      ['--update-baseline', '--strict-baseline'],
      /^goleak-run: expected at most one of --update-baseline and --strict-baseline, found both$/,
    );
  });

  it('a go test flag that would break the check', async () => {
    await expectUsageError(
      fixture('demo'),
      ['--', '-json'],
      /^goleak-run: -json cannot be used: goleak-run always runs go test with -json; use --json FILE/,
    );
  });

  it('a -C directory that does not exist', async () => {
    await expectUsageError(
      fixture('demo'),
      ['-C', 'no/such/dir'],
      /^goleak-run: expected -C no\/such\/dir to be a directory, found none$/,
    );
  });

  it('a bad --max-wait', async () => {
    await expectUsageError(fixture('demo'), ['--max-wait', 'soon'], /^goleak-run: .*soon/);
  });

  it('a --max-wait past the one-hour limit', async () => {
    await expectUsageError(
      fixture('demo'),
      ['--max-wait', '3000000h'],
      /^goleak-run: expected --max-wait to be at most 1h, found 3000000h$/,
    );
  });

  it.each([['-json=false'], ['-json=true'], ['-v=false'], ['-test.v=0']])('go test flag %s', async (flag) => {
    await expectUsageError(
      fixture('demo'),
      ['--', flag],
      new RegExp(`^goleak-run: ${flag.replace('.', '\\.')} cannot be used: `),
    );
  });

  it('a report path that is a directory, or under a regular file, before any test runs', async () => {
    mkdirSync(join(tmp.path, 'a-dir'));
    await expectRefusedBeforeRun(
      ['--json', join(tmp.path, 'a-dir')],
      [],
      /^goleak-run: expected --json .*a-dir to be a file it can write, found a directory$/,
    );
    const file = writeTemp('a-file', 'x');
    await expectRefusedBeforeRun(
      ['--junit', join(file, 'junit.xml')],
      [],
      /^goleak-run: expected --junit .*a-file\/junit\.xml to be a file it can write, found .*a-file, a file, where a/,
    );
  });

  it('two reports on stdout', async () => {
    await expectRefusedBeforeRun(
      ['--json', '-', '--tap', '-'],
      [],
      /^goleak-run: expected at most one report on stdout \(-\), found --json and --tap$/,
    );
  });

  it('a config or a baseline with YAML aliases (billion laughs), before any test runs', async () => {
    const config = writeTemp('laughs.yaml', laughs);
    await expectRefusedBeforeRun(
      ['--config', config],
      [],
      /^goleak-run: .*laughs\.yaml:3: expected plain values, found a YAML alias \(\*name\); write the value out$/,
    );
    const baseline = writeTemp('laughs-baseline.yaml', `${laughs}\n...\n`);
    await expectRefusedBeforeRun(
      ['--baseline', baseline],
      [],
      /^goleak-run: .*laughs-baseline\.yaml:3: expected plain values, found a YAML alias/,
    );
  });

  it('an -overlay that is null, or names a missing replacement, before any test runs', async () => {
    const nullOverlay = writeTemp('null-overlay.json', 'null\n');
    await expectRefusedBeforeRun(
      [],
      ['-overlay', nullOverlay],
      /^goleak-run: expected -overlay .*null-overlay\.json to hold \{"Replace": \{\.\.\.\}\}, found null$/,
    );
    const missing = writeTemp(
      'missing-overlay.json',
      JSON.stringify({ Replace: { [join(fixture('hang'), 'hang', 'x_test.go')]: '/nonexistent/x_test.go' } }),
    );
    await expectRefusedBeforeRun(
      [],
      ['-overlay', missing],
      /^goleak-run: expected the -overlay replacement \/nonexistent\/x_test\.go of .*x_test\.go to be a file, found/,
    );
  });
});

describe('bad input go test answers with a verdict: goleak-run gives the same one', () => {
  it('a directory with no Go files fails that package, as go test does, and the others still run', async () => {
    const mod = join(tmp.path, 'withempty');
    mkdirSync(join(mod, 'empty'), { recursive: true });
    mkdirSync(join(mod, 'ok'));
    writeFileSync(join(mod, 'go.mod'), 'module example.com/withempty\n\ngo 1.22\n');
    writeFileSync(join(mod, 'ok', 'ok_test.go'), 'package ok\n\nimport "testing"\n\nfunc TestOK(t *testing.T) {}\n');
    const json = join(tmp.path, 'withempty.json');
    const run = await runCli(mod, ['--no-config', '--no-baseline', '--json', json, './empty', './ok']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}\.\/empty \[build failed\]\n {2}# \.\/empty\n {2}no Go files in .*empty$/m);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.packages.map((p: any) => [p.importPath, p.status])).toEqual([
      ['./empty', 'build-failed'],
      ['example.com/withempty/ok', 'passed'],
    ]);
  });
});

describe('help and version', () => {
  it('--version prints the package version and exits 0', async () => {
    const run = await runCli(fixture('demo'), ['--version']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--help exits 0 and documents the exit codes', async () => {
    const run = await runCli(fixture('demo'), ['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'Exit codes: 0 clean, 1 leaks or failing tests or build failures, 2 usage, config or tool errors.',
    );
  });
});

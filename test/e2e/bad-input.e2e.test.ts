// End to end: bad input gets one clear line on stderr and exit code 2, and nothing is run or written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

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

describe('bad input', () => {
  it('no go on PATH', async () => {
    await expectUsageError(fixture('demo'), [], /^goleak-run: expected the go command on PATH, found none; install Go from https:\/\/go\.dev\/dl\//, {
      PATH: '/nonexistent',
    });
  });

  it('a directory outside any module', async () => {
    const outside = join(tmp.path, 'nomodule');
    mkdirSync(outside);
    await expectUsageError(outside, [], /^goleak-run: expected a directory inside a Go module \(a go\.mod above it\), found none at /, {
      GOFLAGS: '',
      GO111MODULE: 'on',
    });
  });

  it('a pattern that matches no packages', async () => {
    await expectUsageError(fixture('demo'), ['./nothing/...'], /^goleak-run: expected package pattern \.\/nothing\/\.\.\. to name packages in this module, found: /);
  });

  it('an empty directory pattern', async () => {
    const mod = join(tmp.path, 'mod');
    mkdirSync(join(mod, 'empty'), { recursive: true });
    writeFileSync(join(mod, 'go.mod'), 'module example.com/mod\n\ngo 1.22\n');
    await expectUsageError(mod, ['./empty/...'], /^goleak-run: expected pattern \.\/empty\/\.\.\. to match packages, found none$/);
  });

  it('an unknown flag', async () => {
    await expectUsageError(fixture('demo'), ['--frobnicate'], /^goleak-run: unknown option '--frobnicate'$/);
  });

  it('conflicting flags', async () => {
    await expectUsageError(fixture('demo'), ['--update-baseline', '--strict-baseline'], /^goleak-run: expected at most one of --update-baseline and --strict-baseline, found both$/);
  });

  it('a go test flag that would break the check', async () => {
    await expectUsageError(fixture('demo'), ['--', '-json'], /^goleak-run: -json cannot be used: goleak-run always runs go test with -json; use --json FILE/);
  });

  it('a -C directory that does not exist', async () => {
    await expectUsageError(fixture('demo'), ['-C', 'no/such/dir'], /^goleak-run: expected -C no\/such\/dir to be a directory, found none$/);
  });

  it('a bad --max-wait', async () => {
    await expectUsageError(fixture('demo'), ['--max-wait', 'soon'], /^goleak-run: .*soon/);
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
    expect(run.stdout).toContain('Exit codes: 0 clean, 1 leaks or failing tests or build failures, 2 usage, config or tool errors.');
  });
});

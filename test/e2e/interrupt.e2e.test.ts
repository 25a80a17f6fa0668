// End to end: a signal stops the whole go test process tree, removes our temp files, touches
// nothing, and exits as a shell expects; a SIGKILLed goleak-run is cleaned up by its watchdog.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, fixture, gitStatus, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// The hang fixture's test binary while it runs (its -test.* flags tell it from the linker's command line).
function hangProcesses(): string[] {
  return pgrep(['-f', 'hang\\.test -test\\.']);
}

function pgrep(args: string[]): string[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

// A private TMPDIR per run: our temp dir and go's own work dir both go there.
function startHang(name: string) {
  const dir = join(tmp.path, name);
  mkdirSync(dir);
  const child = execa(
    process.execPath,
    [cliPath, '--no-config', '--no-baseline', '--', '-timeout', '120s', '-count=1'],
    {
      cwd: fixture('hang'),
      reject: false,
      env: { CI: 'true', TMPDIR: dir },
    },
  );
  return { child, dir };
}

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s kills go test and its test binary, cleans up, exits %i', async (signal, code) => {
    const { child, dir } = startHang(signal);
    // Wait until the deadlocked test binary is running under go test.
    expect(await waitFor(() => hangProcesses().length > 0, 60_000)).toBe(true);
    const started = Date.now();
    child.kill(signal);
    const result = await child;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.exitCode).toBe(code);
    expect(String(result.stderr)).toContain(`goleak-run: interrupted by ${signal}; no report or baseline written`);
    expect(await waitFor(() => hangProcesses().length === 0, 5_000)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    // goleak-run cleaned up itself, so its watchdog was told to stop, and did.
    expect(await waitFor(() => pgrep(['-f', `goleak-run-watchdog ${dir}`]).length === 0, 2_000)).toBe(true);
    expect(gitStatus('fixtures/hang')).toBe('');
  });
});

describe('SIGKILL', () => {
  it('leaves no process of the go test group and no temp dir: the watchdog cleans up', async () => {
    const { child, dir } = startHang('SIGKILL');
    expect(await waitFor(() => hangProcesses().length > 0, 60_000)).toBe(true);
    const [binary] = hangProcesses();
    const group = execFileSync('ps', ['-o', 'pgid=', '-p', String(binary)], { encoding: 'utf8' }).trim();
    expect(pgrep(['-g', group]).length).toBeGreaterThan(1); // go test and the test binary
    expect(readdirSync(dir).filter((n) => n.startsWith('goleak-run-'))).toHaveLength(1);
    child.kill('SIGKILL');
    const result = await child;
    expect(result.signal).toBe('SIGKILL');
    // Nothing of node's own cleanup ran: the group and the temp dir go because of the watchdog.
    expect(await waitFor(() => pgrep(['-g', group]).length === 0, 5_000)).toBe(true);
    expect(await waitFor(() => readdirSync(dir).length === 0, 5_000)).toBe(true);
    expect(pgrep(['-f', `goleak-run-watchdog ${dir}`])).toEqual([]);
    expect(gitStatus('fixtures/hang')).toBe('');
  });
});

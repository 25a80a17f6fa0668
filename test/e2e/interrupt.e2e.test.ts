// End to end: Ctrl-C stops the whole go test process tree, removes our temp files, and touches nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, fixture, gitStatus, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

// The hang fixture's test binary while it runs (its -test.* flags tell it from the linker's command line).
function hangProcesses(): string[] {
  try {
    return execFileSync('pgrep', ['-f', 'hang\\.test -test\\.'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
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

describe('Ctrl-C', () => {
  it('kills go test and its test binary, cleans up, exits 130', async () => {
    const child = execa(process.execPath, [cliPath, '--no-config', '--no-baseline', '--', '-timeout', '120s', '-count=1'], {
      cwd: fixture('hang'),
      reject: false,
      env: { CI: 'true', TMPDIR: tmp.path },
    });
    // Wait until the deadlocked test binary is running under go test.
    expect(await waitFor(() => hangProcesses().length > 0, 60_000)).toBe(true);
    const started = Date.now();
    child.kill('SIGINT');
    const result = await child;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.exitCode).toBe(130);
    expect(String(result.stderr)).toContain('goleak-run: interrupted; no report or baseline written');
    expect(await waitFor(() => hangProcesses().length === 0, 5_000)).toBe(true);
    expect(readdirSync(tmp.path).filter((name) => name.startsWith('goleak-run-'))).toEqual([]);
    expect(gitStatus('fixtures/hang')).toBe('');
  });
});

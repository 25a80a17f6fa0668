// main's orchestration with its dependencies injected: streams, the go binary, signals, the process.
// Where it needs go, it runs the real one (go list only: every case here stops before go test).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERRUPT_EXIT_CODES, main, type InterruptSignal, type MainDeps } from '../../src/app/main.js';
import { fixture, tempDir } from '../e2e/run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

function deps(argv: string[], over: Partial<MainDeps> = {}) {
  const out = { stdout: '', stderr: '' };
  const d: MainDeps = {
    argv,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '' },
    cwd: fixture('demo'),
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    now: () => new Date('2026-01-01T00:00:00Z'),
    version: '9.9.9',
    go: 'go',
    pid: process.pid,
    platform: process.platform,
    isRunning: () => false,
    onInterrupt: () => () => undefined,
    ...over,
  };
  return { d, out };
}

describe('main', () => {
  it('prints the version on stdout and exits 0', async () => {
    const { d, out } = deps(['--version']);
    expect(await main(d)).toBe(0);
    expect(out).toEqual({ stdout: '9.9.9\n', stderr: '' });
  });

  it('runs the go binary it is given, not the one on PATH', async () => {
    const { d, out } = deps(['--no-config'], { go: join(tmp.path, 'no-such-go') });
    expect(await main(d)).toBe(2);
    expect(out.stderr).toMatch(/^goleak-run: expected the go command on PATH, found none; .*\n$/);
    expect(out.stdout).toBe('');
  });

  it('refuses a null -overlay before asking go anything', async () => {
    const overlay = join(tmp.path, 'null.json');
    writeFileSync(overlay, 'null');
    // A go that does not exist: reaching go list would say so instead.
    const { d, out } = deps(['--', '-overlay', overlay], { go: join(tmp.path, 'no-such-go') });
    expect(await main(d)).toBe(2);
    expect(out.stderr).toBe(`goleak-run: expected -overlay ${overlay} to hold {"Replace": {...}}, found null\n`);
  });

  it('checks report paths after resolving and before running: a directory is refused in one line', async () => {
    const dir = join(tmp.path, 'report-dir');
    mkdirSync(dir);
    const { d, out } = deps(['--no-config', '--no-baseline', '--json', dir]);
    expect(await main(d)).toBe(2);
    expect(out.stderr).toBe(`goleak-run: expected --json ${dir} to be a file it can write, found a directory\n`);
  });

  it('refuses to write the baseline where it cannot, before running', async () => {
    const file = join(tmp.path, 'plain-file');
    writeFileSync(file, 'x');
    const { d, out } = deps(['--no-config', '--update-baseline', '--baseline', join(file, 'baseline.yaml')]);
    expect(await main(d)).toBe(2);
    expect(out.stderr).toBe(
      `goleak-run: expected the baseline ${join(file, 'baseline.yaml')} to be a file it can write, ` +
        `found ${file}, a file, where a directory should be\n`,
    );
  });

  it.each(Object.entries(INTERRUPT_EXIT_CODES))(
    'exits %s as a shell expects (%i), with nothing written',
    async (signal, code) => {
      // The signal arrives as soon as main listens: it must stop before go test starts.
      const onInterrupt = (handler: (s: InterruptSignal) => void) => {
        handler(signal as InterruptSignal);
        return () => undefined;
      };
      const json = join(tmp.path, `${signal}.json`);
      const { d, out } = deps(['--no-config', '--no-baseline', '--json', json], { onInterrupt });
      expect(await main(d)).toBe(code);
      expect(out.stderr).toBe(`goleak-run: interrupted by ${signal}; no report or baseline written\n`);
      expect(out.stdout).toBe('');
    },
  );
});

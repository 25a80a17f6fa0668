// The baseline's read-modify-write under its lock file: concurrent updates keep every entry.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBaseline, updateBaselineFile } from '../../src/baseline/baseline-file.js';
import type { Baseline, BaselineEntry } from '../../src/baseline/types.js';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'goleak-run-lock-'));
  file = path.join(dir, 'goleak-baseline.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (n: number): BaselineEntry => ({
  fingerprint: n.toString(16).padStart(16, '0'),
  package: `example.com/m/p${n}`,
  tests: [{ name: 'TestX', count: 1 }],
  count: 1,
  state: 'chan receive',
  top: `example.com/m/p${n}.f`,
});

// Each call adds its own entry to whatever the file holds when it gets the lock.
const adding = (n: number) => (current: Baseline | undefined) => ({
  write: { baseline: { version: 2 as const, leaks: [...(current?.leaks ?? []), entry(n)] } },
});

const realTime = {
  pid: process.pid,
  isRunning: () => true,
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};

describe('updateBaselineFile', () => {
  it('keeps the entries of every one of several concurrent updates, and removes its lock', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, n) => updateBaselineFile(file, adding(n), realTime)));
    const written = await readBaseline(file);
    expect(written?.leaks.map((e) => e.fingerprint).sort()).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((n) => entry(n).fingerprint),
    );
    expect(readdirSync(dir)).toEqual(['goleak-baseline.yaml']);
  });

  it('writes nothing when the decision has nothing to write', async () => {
    const outcome = await updateBaselineFile(file, () => ({ note: 'unchanged' }), realTime);
    expect(outcome).toEqual({ note: 'unchanged' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose owner is no longer running', async () => {
    writeFileSync(`${file}.lock`, '999999\n');
    const isRunning = (pid: number) => pid !== 999999;
    await updateBaselineFile(file, adding(1), { ...realTime, isRunning });
    expect((await readBaseline(file))?.leaks).toHaveLength(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses in one line when a running process holds the lock past the wait, and leaves its lock alone', async () => {
    writeFileSync(`${file}.lock`, '4242\n');
    let slept = 0;
    const instant = {
      pid: process.pid,
      isRunning: () => true,
      sleep: async (ms: number) => {
        slept += ms;
      },
    };
    await expect(updateBaselineFile(file, adding(1), instant)).rejects.toThrow(
      `expected to lock the baseline through ${file}.lock, found it held by pid 4242 for 10s; ` +
        'remove the file if no goleak-run is running',
    );
    expect(slept).toBeGreaterThanOrEqual(10_000);
    expect(existsSync(`${file}.lock`)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });
});

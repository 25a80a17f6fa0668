// End to end: a deadlocked test killed by -timeout, and Go's test cache replaying the same report.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const out = tempDir();
afterAll(() => out.remove());

describe('a test that deadlocks', () => {
  it('is failed by -timeout, and its blocked goroutines are findings of that test', async () => {
    const json = join(out.path, 'hang.json');
    const run = await runCli(fixture('hang'), [
      '--no-config',
      '--no-baseline',
      '--json',
      json,
      '--',
      '-timeout',
      '2s',
      '-count=1',
    ]);
    expect(run.exitCode).toBe(1);
    const [pkg] = readJson(json).packages;
    expect(pkg.status).toBe('failed');
    expect(pkg.tests).toEqual({ passed: ['TestQuick'], failed: ['TestDeadlock'], skipped: [] });
    expect(pkg.failures).toContain('test timed out; still running: TestDeadlock');
    const leaks = pkg.leaks
      .map((l: any) => [l.tests.map((t: any) => t.name).join(','), l.state, l.source, l.topFunction])
      .sort();
    expect(leaks).toEqual([
      ['TestDeadlock', 'chan receive', 'timeout', 'example.com/hang/hang.TestDeadlock'],
      ['TestDeadlock', 'chan send', 'timeout', 'example.com/hang/hang.Pipeline.func1'],
    ]);
    expect(gitStatus('fixtures/hang')).toBe('');
  });
});

describe("Go's test cache", () => {
  it('cannot hide a leak: a cached rerun gives the same findings', async () => {
    const args = (n: number) => [
      '--no-config',
      '--no-baseline',
      '--max-wait',
      '250ms',
      '--json',
      join(out.path, `c${n}.json`),
      './external',
      './pkglevel',
    ];
    const leaksOf = (file: string) =>
      readJson(file).packages.map((p: any) => [
        p.importPath,
        p.status,
        p.leaks.map((l: any) => [l.tests.map((t: any) => t.name).join(','), l.fingerprint]),
      ]);
    // Warm the cache first; the second and third runs must be served from it.
    await runCli(fixture('leaks'), args(1));
    const second = await runCli(fixture('leaks'), args(2));
    const third = await runCli(fixture('leaks'), args(3));
    expect(second.exitCode).toBe(1);
    expect(third.exitCode).toBe(1);
    expect(readJson(join(out.path, 'c3.json')).packages.map((p: any) => p.cached)).toEqual([true, true]);
    expect(leaksOf(join(out.path, 'c3.json'))).toEqual(leaksOf(join(out.path, 'c2.json')));
    expect(leaksOf(join(out.path, 'c3.json'))).toEqual(leaksOf(join(out.path, 'c1.json')));
    expect(third.stdout).toContain('(cached)');
  });

  it('filters with -run like go test, and reports only what ran', async () => {
    const json = join(out.path, 'run.json');
    const run = await runCli(fixture('leaks'), [
      '--no-config',
      '--no-baseline',
      '--max-wait',
      '250ms',
      '--json',
      json,
      './shapes',
      '--',
      '-run',
      '^TestChanSend$',
    ]);
    expect(run.exitCode).toBe(1);
    const [pkg] = readJson(json).packages;
    expect(pkg.tests.passed).toEqual(['TestChanSend']);
    expect(pkg.leaks.map((l: any) => l.tests.map((t: any) => t.name).join(','))).toEqual(['TestChanSend']);
  });
});

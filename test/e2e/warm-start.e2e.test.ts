// End to end: a run starts go test from the resolution an earlier run saved, and go list, run
// beside it, has the last word: a saved resolution it contradicts is dropped unseen.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintHolds } from '../../src/resolve/tree-fingerprint.js';
import { checkKeyPath } from '../../src/run/check-key.js';
import { fixture, gitStatus, readJson, runCli } from './run-cli.js';

// One fixed place, so Go's build cache knows its test binaries from the last time.
const tmp = { path: join(tmpdir(), 'goleak-run-warm-e2e') };
rmSync(tmp.path, { recursive: true, force: true });
afterAll(() => rmSync(tmp.path, { recursive: true, force: true }));
const cache = join(tmp.path, 'cache');
const moduleDir = join(tmp.path, 'demo');
cpSync(fixture('demo'), moduleDir, { recursive: true });
// Go's build cache lives under XDG_CACHE_HOME too, unless GOCACHE says where.
const goCache = execFileSync('go', ['env', 'GOCACHE'], { encoding: 'utf8' }).trim();
const env = { XDG_CACHE_HOME: cache, GOCACHE: goCache };
// The machine's check key, so the test binaries other tests built are reused (a new key rebuilds them all).
if (existsSync(checkKeyPath(process.env))) {
  mkdirSync(dirname(checkKeyPath(env)), { recursive: true });
  cpSync(checkKeyPath(process.env), checkKeyPath(env));
}

const savedFile = () => {
  const dir = join(cache, 'goleak-run', 'resolution');
  const entries = readdirSync(dir).filter((e) => e !== 'trimmed');
  expect(entries).toHaveLength(1);
  return join(dir, entries[0]!, 'resolution.json');
};
const statuses = (file: string) =>
  Object.fromEntries(readJson(file).packages.map((p: any) => [p.importPath, [p.status, p.leaks.length]]));

describe('a warm start', () => {
  let first: Record<string, unknown>;

  it('is saved by a run: the resolution, with a fingerprint that holds while the tree is unchanged', async () => {
    const run = await runCli(
      moduleDir,
      ['--no-config', '--no-baseline', '--max-wait', '300ms', '--json', join(tmp.path, 'a.json')],
      env,
    );
    expect(run.exitCode).toBe(1);
    first = statuses(join(tmp.path, 'a.json'));
    expect(Object.keys(first).sort()).toEqual([
      'example.com/demo/cache',
      'example.com/demo/notify',
      'example.com/demo/version',
      'example.com/demo/worker',
    ]);
    const saved = JSON.parse(readFileSync(savedFile(), 'utf8'));
    expect(saved.resolution.packages.map((p: any) => p.importPath)).toContain('example.com/demo/worker');
    expect(fingerprintHolds(saved.fingerprint)).toBe(true);
  });

  it('that go list contradicts is dropped before showing anything, and the run begins again from go list', async () => {
    // A saved resolution whose fingerprint still holds, but that lacks a package: what a change
    // the fingerprint cannot see (a toolchain, a module cache) would leave.
    const file = savedFile();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.resolution.packages = saved.resolution.packages.filter((p: any) => !p.importPath.endsWith('/worker'));
    writeFileSync(file, JSON.stringify(saved));
    expect(fingerprintHolds(saved.fingerprint)).toBe(true);
    const json = join(tmp.path, 'b.json');
    const run = await runCli(
      moduleDir,
      ['--no-config', '--no-baseline', '--max-wait', '300ms', '--json', json, '--go-json', '-'],
      env,
    );
    expect(run.exitCode).toBe(1);
    expect(statuses(json)).toEqual(first);
    // The stream on stdout is one run's: each package starts once.
    const starts = run.stdout
      .split('\n')
      .filter((l) => l.includes('"Action":"start"'))
      .map((l) => JSON.parse(l).Package)
      .sort();
    expect(starts).toEqual(Object.keys(first).sort());
    // What go list said is what the next run starts from.
    const again = JSON.parse(readFileSync(savedFile(), 'utf8'));
    expect(again.resolution.packages.map((p: any) => p.importPath)).toContain('example.com/demo/worker');
  });

  it('is not taken once the tree changed: a package added since is run and its leak found', async () => {
    mkdirSync(join(moduleDir, 'extra'));
    writeFileSync(
      join(moduleDir, 'extra', 'extra.go'),
      'package extra\n\nfunc Start() { go func() { select {} }() }\n',
    );
    writeFileSync(
      join(moduleDir, 'extra', 'extra_test.go'),
      'package extra\n\nimport "testing"\n\nfunc TestStart(t *testing.T) { Start() }\n',
    );
    const json = join(tmp.path, 'c.json');
    const run = await runCli(moduleDir, ['--no-config', '--no-baseline', '--max-wait', '300ms', '--json', json], env);
    expect(run.exitCode).toBe(1);
    expect(statuses(json)).toEqual({ ...first, 'example.com/demo/extra': ['leaked', 1] });
    expect(gitStatus('fixtures/demo')).toBe('');
  });
});

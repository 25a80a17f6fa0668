// End to end over fixtures/initdep: a dependency's init goroutine (a flush daemon, as glog
// starts) is not a leak of the tests, and the check drops it in the binary, so there is no
// settle wait; a goroutine the module's own init starts is still reported, package level.
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const out = tempDir();
let report: any;
let plain = '';
const pkg = (name: string) => report.packages.find((p: any) => p.importPath === `example.com/initdep/${name}`);

beforeAll(async () => {
  plain = String((await execa('go', ['test', '-count=1', './...'], { cwd: fixture('initdep'), reject: false })).stdout);
  const json = join(out.path, 'initdep.json');
  await runCli(fixture('initdep'), [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '1s',
    '--json',
    json,
    '--',
    '-count=1',
  ]);
  report = readJson(json);
});
afterAll(() => out.remove());

describe("a dependency's init goroutine", () => {
  it('passes the package that uses it, as go test does, without waiting for it', () => {
    expect(plain).toMatch(/^ok\s+example\.com\/initdep\/uses/m);
    expect(pkg('uses')).toMatchObject({ status: 'passed', leaks: [], ignored: 1, waitedMs: 0 });
  });

  it("still reports the module's own init goroutine, package level", () => {
    const p = pkg('owninit');
    expect(p.status).toBe('leaked');
    expect(p.leaks.map((l: any) => [l.createdBy, l.tests.map((t: any) => t.name)])).toEqual([
      ['example.com/initdep/owninit.init.0', ['package level']],
    ]);
    expect(gitStatus('fixtures/initdep')).toBe('');
  });
});

// End to end over fixtures/testmain: every TestMain shape the overlay wraps, through the whole CLI.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKING_TESTMAIN_SHAPES } from '../support/testmain-shapes.js';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const out = tempDir();
let report: any;
let exitCode: number | undefined;
const pkg = (name: string) => report.packages.find((p: any) => p.importPath === `example.com/testmain/${name}`);
// Every function on the leaked stacks: the leak helper may sit under an inlined callee.
const leakedFuncs = (name: string) => pkg(name).leaks.flatMap((l: any) => l.stack.map((f: any) => f.function));

beforeAll(async () => {
  const json = join(out.path, 'testmain.json');
  const run = await runCli(fixture('testmain'), [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '300ms',
    '--json',
    json,
    '--',
    '-count=1',
  ]);
  exitCode = run.exitCode;
  report = readJson(json);
});
afterAll(() => out.remove());

describe('TestMain shapes', () => {
  it.each(LEAKING_TESTMAIN_SHAPES)('%s: reports its leak and nothing its teardown stopped', (name, leak) => {
    expect(pkg(name).status).toBe('leaked');
    const funcs = leakedFuncs(name);
    expect(funcs.some((f: string) => f.includes(leak))).toBe(true);
    expect(funcs.some((f: string) => f.includes('backgroundStoppedByTeardown'))).toBe(false);
  });

  it('keeps helper processes of the tests working and reports their parent clean', () => {
    expect(pkg('subprocess')).toMatchObject({ status: 'passed', leaks: [] });
    expect(pkg('clean')).toMatchObject({ status: 'passed', leaks: [] });
  });

  it('says so when a TestMain exits by a path the overlay cannot wrap', () => {
    expect(pkg('logFatal').status).toBe('failed');
    expect(pkg('logFatal').failures).toEqual([
      'leak check did not run: logfatal_test.go:24: after m.Run() TestMain calls exitnow.Exit, which may exit the process before the check',
    ]);
  });

  it('passes, as go test does, with a warning when TestMain ends the binary before m.Run', () => {
    // go test says ok: a "these tests need root" guard in another package exited 0.
    expect(pkg('exitBeforeRun')).toMatchObject({
      status: 'passed',
      tests: { passed: [], failed: [], skipped: [] },
      leaks: [],
      failures: [],
    });
    expect(pkg('exitBeforeRun').warnings).toEqual([
      'TestMain ended the test binary before m.Run (an os.Exit in another package): no test ran, nothing to check',
    ]);
  });

  it('exits 1 and leaves the fixture untouched', () => {
    expect(exitCode).toBe(1);
    expect(gitStatus('fixtures/testmain')).toBe('');
  });
});

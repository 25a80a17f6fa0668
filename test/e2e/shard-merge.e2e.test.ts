// End to end: fixtures/leaks run as three shards and merged gives the verdicts, exit code, stale
// baseline entries and reports of one run over all packages; merge refuses parts that do not fit.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, normalise, readJson, runCli, tempDir } from './run-cli.js';

const moduleDir = fixture('leaks');
const out = tempDir();
const at = (name: string) => join(out.path, name);
const common = ['--no-config', '--max-wait', '500ms', '--baseline', at('baseline.yaml')];
let single: Awaited<ReturnType<typeof runCli>>;
let merged: Awaited<ReturnType<typeof runCli>>;
const shards: Array<Awaited<ReturnType<typeof runCli>>> = [];

// Times, run-specific addresses and goroutine ids differ between any two runs; nothing else may.
const same = (file: string) =>
  normalise(readFileSync(file, 'utf8'), moduleDir)
    .replace(/"startedAt": "[^"]+"/g, '"startedAt": <TS>')
    .replace(/"waitedMs": \d+/g, '"waitedMs": <MS>')
    .replace(/\(\d+\.\d+s\)/g, '(<T>s)');

beforeAll(async () => {
  // A baseline of today's leaks, then one entry whose leak "was fixed" (its fingerprint no longer
  // occurs: stale, and the real leak is new) and one of a package that no run covers (never stale).
  const record = await runCli(moduleDir, [...common, '--update-baseline', './...', '--', '-count=1']);
  expect(record.exitCode).toBe(1); // failing tests still fail
  const text = readFileSync(at('baseline.yaml'), 'utf8')
    .replace('fingerprint: d07f5fd719511536', 'fingerprint: 00000000000000aa')
    .replace(
      /\n\.\.\.\n?$/,
      '\n  - fingerprint: 00000000000000bb\n    package: example.com/leaks/gone\n    count: 1\n    tests:\n      TestGone: 1\n    state: select\n    top: example.com/leaks/gone.f\n...\n',
    );
  writeFileSync(at('baseline.yaml'), text);
  single = await runCli(moduleDir, [
    ...common,
    '--json',
    at('single.json'),
    '--junit',
    at('single.xml'),
    '--tap',
    at('single.tap'),
    './...',
    '--',
    '-count=1',
  ]);
  for (const k of [1, 2, 3]) {
    shards.push(
      await runCli(moduleDir, [
        ...common,
        '--shard',
        `${k}/3`,
        '--json',
        at(`shard${k}.json`),
        './...',
        '--',
        '-count=1',
      ]),
    );
  }
  merged = await runCli(out.path, [
    'merge',
    '--json',
    at('merged.json'),
    '--junit',
    at('merged.xml'),
    '--tap',
    at('merged.tap'),
    'shard1.json',
    'shard2.json',
    'shard3.json',
  ]);
});
afterAll(() => out.remove());

describe('three shards of fixtures/leaks', () => {
  it('split the packages into disjoint parts that cover them all', () => {
    const parts = [1, 2, 3].map((k) => readJson(at(`shard${k}.json`)).packages.map((p: any) => p.importPath));
    const all = readJson(at('single.json')).packages.map((p: any) => p.importPath);
    expect(parts.flat().sort()).toEqual([...all].sort());
    for (const part of parts) expect(part.length).toBeGreaterThanOrEqual(3);
    expect(readJson(at('shard2.json')).shard).toMatchObject({
      index: 2,
      count: 3,
      packages: all,
      moduleDir: 'fixtures/leaks',
    });
  });

  it('call stale only the entries of packages they ran', () => {
    const stale = [1, 2, 3].flatMap((k) => readJson(at(`shard${k}.json`)).stale.map((s: any) => s.fingerprint));
    expect(stale).toEqual(['00000000000000aa']);
  });

  it('merge to the verdicts, stale entries and exit code of one run', () => {
    expect(single.exitCode).toBe(1);
    expect(merged.exitCode).toBe(single.exitCode);
    expect(merged.stderr).toBe('');
    const one = readJson(at('single.json'));
    const joined = readJson(at('merged.json'));
    expect(joined.shard).toBeUndefined();
    expect(joined.summary).toEqual(one.summary);
    expect(joined.stale).toEqual(one.stale);
    expect(joined.stale.map((s: any) => s.fingerprint)).toEqual(['00000000000000aa']);
    expect(joined.packages.map((p: any) => [p.importPath, p.status])).toEqual(
      one.packages.map((p: any) => [p.importPath, p.status]),
    );
    expect(same(at('merged.json'))).toBe(same(at('single.json')));
  });

  it('merge to the JUnit and TAP reports and the summary line of one run', () => {
    expect(same(at('merged.xml'))).toBe(same(at('single.xml')));
    expect(same(at('merged.tap'))).toBe(same(at('single.tap')));
    const line = (s: string) =>
      s
        .trimEnd()
        .split('\n')
        .at(-1)!
        .replace(/[\d.]+s$/, '<T>s');
    expect(line(merged.stdout)).toBe(line(single.stdout));
    expect(line(merged.stdout)).toMatch(
      /^goleak-run: FAIL 10 packages: .*1 new, 15 known.*; 1 stale baseline entry; <T>s$/,
    );
  });

  it('leave the fixture untouched', () => {
    expect(gitStatus(moduleDir)).toBe('');
  });
});

describe('merge refuses, with one line and exit 2', () => {
  const refuse = async (files: string[], expected: RegExp) => {
    const r = await runCli(out.path, ['merge', ...files]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(expected);
  };
  const variant = (name: string, change: (doc: any) => void): string => {
    const doc = readJson(at('shard3.json'));
    change(doc);
    writeFileSync(at(name), JSON.stringify(doc));
    return name;
  };

  it('a missing shard', () =>
    refuse(['shard1.json', 'shard3.json'], /^goleak-run: expected all 3 shards, found no report for shard 2\/3$/m));

  it('the same shard twice', () =>
    refuse(
      ['shard1.json', 'shard2.json', 'shard3.json', 'shard2.json'],
      /expected each shard once, found shard 2\/3 in shard2.json and shard2.json/,
    ));

  it('overlapping shards', () => {
    const other = variant('overlap.json', (d) => {
      d.shard.index = 2;
    });
    return refuse(['shard1.json', other, 'shard3.json'], /expected each shard once|no package in common/);
  });

  it('a package in two parts', () => {
    copyFileSync(at('shard1.json'), at('one.json'));
    const twice = variant('twice.json', (d) => {
      d.packages.push(readJson(at('shard1.json')).packages[0]);
    });
    return refuse(
      ['one.json', 'shard2.json', twice],
      /expected shards with no package in common, found example.com\/leaks\/\S+ in one.json \(1\/3\) and twice.json \(3\/3\)/,
    );
  });

  it('mixed schema versions', () => {
    const old = variant('old.json', (d) => {
      d.schemaVersion = 1;
    });
    return refuse(
      ['shard1.json', 'shard2.json', old],
      /expected reports of one schema version, found 2 in shard1.json and 1 in old.json/,
    );
  });

  it('different modules', () => {
    const other = variant('other.json', (d) => {
      d.module = 'example.com/other';
    });
    return refuse(
      ['shard1.json', 'shard2.json', other],
      /expected reports of one module, found example.com\/leaks in shard1.json and example.com\/other in other.json/,
    );
  });

  it('a whole run', () =>
    refuse(
      ['single.json'],
      /expected a report written with --shard K\/N in single.json, found a report of a whole run/,
    ));

  it('a file that is not there or not JSON', async () => {
    await refuse(['nope.json'], /expected a JSON report to read at nope.json, found no such file/);
    await refuse(['single.tap'], /expected a goleak-run JSON report in single.tap, found text that is not JSON/);
  });
});

describe('--shard refuses bad input with one line and exit 2, before any test runs', () => {
  it.each([
    [['--shard', '0/3'], /^goleak-run: expected --shard K\/N with 1 <= K <= N <= 1000 \(e\.g\. 2\/4\), found "0\/3"$/],
    [['--shard-timings', 't.json'], /^goleak-run: expected --shard K\/N with --shard-timings .*, found no --shard$/],
    [
      ['--shard', '1/2', '--shard-timings', at('single.tap')],
      /^goleak-run: expected --shard-timings .*single\.tap to be a goleak-run JSON report, found text that is not JSON$/,
    ],
  ])('%j', async (args, expected) => {
    const r = await runCli(out.path, [...args, '-C', moduleDir, '--no-config', '--no-baseline']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(expected);
  });
});

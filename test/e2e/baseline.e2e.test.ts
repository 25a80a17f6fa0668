// End to end: the baseline life cycle on a temp copy of fixtures/baseline, with the real go test.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
const mod = join(tmp.path, 'baseline');
const baselineFile = join(mod, 'goleak-baseline.yaml');
let n = 0;

// Each run writes its own JSON report; -count=1 keeps Go's test cache out of the life cycle.
async function run(...args: string[]) {
  const json = join(tmp.path, `run-${++n}.json`);
  const [before, after] = args.includes('--')
    ? [args.slice(0, args.indexOf('--')), args.slice(args.indexOf('--'))]
    : [args, []];
  const result = await runCli(mod, [
    '--max-wait',
    '200ms',
    '--json',
    json,
    ...before,
    ...(after.length ? after : ['--']),
    '-count=1',
  ]);
  return { ...result, report: result.exitCode === 2 ? undefined : readJson(json) };
}
const leaks = (report: any) =>
  report.packages
    .flatMap((p: any) =>
      p.leaks.map(
        (l: any) =>
          `${p.importPath.split('/').pop()} ${l.tests.map((t: any) => t.name).join(',')} ${l.baseline ?? '-'}`,
      ),
    )
    .sort();
const edit = (file: string, from: string, to: string) => {
  const path = join(mod, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

beforeAll(() => cpSync(fixture('baseline'), mod, { recursive: true }));
afterAll(() => tmp.remove());

describe('baseline life cycle', () => {
  it('1. three leaks and no baseline: exit 1', async () => {
    const r = await run();
    expect(r.exitCode).toBe(1);
    expect(leaks(r.report)).toEqual(['other TestServe -', 'store TestFlush -', 'store TestWatch -']);
  });

  it('2. --update-baseline records them; a rerun passes with three known', async () => {
    const update = await run('--update-baseline');
    expect(update.exitCode).toBe(0);
    expect(update.stderr).toContain(`goleak-run: wrote 3 baseline entries (3 goroutines) to ${baselineFile}`);
    const text = readFileSync(baselineFile, 'utf8');
    expect(text.match(/^ {2}- fingerprint: [0-9a-f]{16}$/gm)).toHaveLength(3);
    const r = await run();
    expect(r.exitCode).toBe(0);
    expect(r.report.summary).toMatchObject({ knownLeaks: 3, newLeaks: 0, stale: 0 });
    expect(r.stdout).toMatch(
      /goleak-run: PASS 2 packages: 2 passed, 0 leaked \(3 goroutines in 3 findings, 0 new, 3 known\)/,
    );
    // Updating twice gives the same bytes: the file is deterministic.
    await run('--update-baseline');
    expect(readFileSync(baselineFile, 'utf8')).toBe(text);
  });

  it('3. a new leak fails the run and is the only one named new', async () => {
    edit(
      'store/store_test.go',
      'func TestFlush',
      'func TestNew(t *testing.T) { Flush(make(chan struct{})) }\n\nfunc TestFlush',
    );
    const r = await run();
    expect(r.exitCode).toBe(1);
    // TestNew leaks at Flush's site, which the baseline accepts once: the site now leaks more, so it is new.
    expect(leaks(r.report)).toEqual(['other TestServe known', 'store TestFlush,TestNew new', 'store TestWatch known']);
    expect(r.stdout).toMatch(/\(4 goroutines in 3 findings, 1 new, 2 known\)/);
  });

  it('a partial run never calls entries of tests or packages that did not run stale', async () => {
    const onlyStore = await run('./store');
    expect(onlyStore.report.stale).toEqual([]);
    const onlyWatch = await run('--', '-run', '^TestWatch$');
    expect(onlyWatch.report.stale).toEqual([]);
    expect(onlyWatch.exitCode).toBe(0);
  });

  it('4. a fixed leak is stale; --strict-baseline fails on it; --prune-baseline removes it', async () => {
    edit('store/store_test.go', 'func TestNew(t *testing.T) { Flush(make(chan struct{})) }\n\n', '');
    edit('other/other_test.go', 'Serve(make(chan int))', 'ch := make(chan int); Serve(ch); close(ch)');
    const r = await run();
    expect(r.exitCode).toBe(0);
    expect(r.report.stale).toMatchObject([{ package: 'example.com/baseline/other', tests: ['TestServe'] }]);
    expect(r.stdout).toContain('1 stale baseline entry');
    const strict = await run('--strict-baseline');
    expect(strict.exitCode).toBe(1);
    const prune = await run('--prune-baseline');
    expect(prune.exitCode).toBe(0);
    expect(prune.stderr).toContain('removed 1 stale baseline entry');
    expect(readFileSync(baselineFile, 'utf8')).not.toContain('example.com/baseline/other');
    expect((await run()).report.stale).toEqual([]);
  });

  it('5. a line inserted above a baselined leak keeps it known', async () => {
    edit(
      'store/store.go',
      '// Watch starts',
      '// An unrelated edit moves the leak down by two lines.\nvar _ = 0\n\n// Watch starts',
    );
    const r = await run();
    expect(r.exitCode).toBe(0);
    expect(leaks(r.report)).toEqual(['store TestFlush known', 'store TestWatch known']);
    const watch = r.report.packages[1].leaks.find((l: any) => l.tests[0].name === 'TestWatch');
    expect(watch.createdAt).toEqual({
      file: 'store/store.go',
      line: 9,
      function: 'example.com/baseline/store.Watch',
      inModule: true,
    });
  });

  it('6. a version-1 baseline (written by the version-1 tool) keeps its leaks known, and is rewritten as version 2', async () => {
    const v1 = new URL('../baseline/data/fixture-v1.yaml', import.meta.url).pathname;
    const fresh = join(tmp.path, 'v1');
    cpSync(fixture('baseline'), fresh, { recursive: true });
    copyFileSync(v1, join(fresh, 'goleak-baseline.yaml'));
    const args = ['--max-wait', '200ms', '--json'];
    const known = await runCli(fresh, [...args, join(tmp.path, 'v1-known.json'), '--', '-count=1']);
    expect(known.exitCode).toBe(0);
    expect(readJson(join(tmp.path, 'v1-known.json')).summary).toMatchObject({ knownLeaks: 3, newLeaks: 0, stale: 0 });
    const update = await runCli(fresh, [
      ...args,
      join(tmp.path, 'v1-update.json'),
      '--update-baseline',
      '--',
      '-count=1',
    ]);
    expect(update.exitCode).toBe(0);
    const written = readFileSync(join(fresh, 'goleak-baseline.yaml'), 'utf8');
    expect(written).toContain('\nversion: 2\n');
    expect(written).not.toContain('legacy');
    const again = await runCli(fresh, [...args, join(tmp.path, 'v1-again.json'), '--', '-count=1']);
    expect(again.exitCode).toBe(0);
    expect(readJson(join(tmp.path, 'v1-again.json')).summary).toMatchObject({ knownLeaks: 3, newLeaks: 0, stale: 0 });
  });

  it('never touches fixtures/', () => {
    expect(gitStatus('fixtures/baseline')).toBe('');
  });
});

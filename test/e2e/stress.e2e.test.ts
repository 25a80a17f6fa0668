// End to end: --stress on fixtures/flaky, whose leaks show only under some interleavings.
// Each is found within its budget, and its reproduction command finds it again; the fixed
// twins stay clean for as long as they are stressed; nothing is left behind.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const flaky = fixture('flaky');
const out = tempDir();
// goleak-run's own temp dirs go here, so the test can see that none is left.
const tmp = tempDir('goleak-run-stress-tmp-');
const env = { TMPDIR: tmp.path };
afterAll(() => {
  out.remove();
  tmp.remove();
});

const BASE = ['--no-config', '--no-baseline', '--max-wait', '250ms'];
const names = (leaks: any[]) =>
  leaks.map((l) => `${l.tests.map((t: any) => t.name).join(',')} ${l.state} ${l.source}`).sort();

/** The line of a fixture file that contains `text`, as a stack would show it. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(flaky, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

/** Runs a reproduction command as printed (`goleak-run …`, POSIX-quoted) with the built CLI. */
async function reproduce(command: string, json: string) {
  const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) =>
    (m[1] ?? m[2] ?? '').replace(/'\\''/g, "'"),
  );
  expect(words[0]).toBe('goleak-run');
  return runCli(flaky, ['--json', json, ...words.slice(1)], env);
}

describe('--stress', () => {
  it('finds each flaky leak and the flaky deadlock within the budget, with how often and how to reproduce it', async () => {
    const json = join(out.path, 'flaky.json');
    const started = Date.now();
    const run = await runCli(
      flaky,
      [
        ...BASE,
        '--stress',
        '40s',
        '--json',
        json,
        './lookup',
        './hedge',
        './ledger',
        './transfer',
        '--',
        '-timeout=5s',
      ],
      env,
    );
    expect(run.exitCode).toBe(1);
    const report = readJson(json);
    const byPath = new Map(report.packages.map((p: any) => [p.importPath.replace('example.com/flaky/', ''), p]));
    for (const [name, p] of byPath as Map<string, any>) {
      // Stressed (the normal run before passed it clean), found within its budget, reproducible.
      expect(p.stress, name).toBeDefined();
      expect(p.stress.seconds, name).toBeLessThan(40);
      expect(p.stress.runs, name).toBeGreaterThanOrEqual(1);
      expect(p.stress.perturbationSites, name).toBeGreaterThan(0);
      expect(p.stress.reproduce, name).toMatch(
        /^goleak-run --max-wait=250ms --no-config --no-baseline --stress-perturb=\d+ example\.com\/flaky\/\w+ -- -count=\d+ -cpu=\d+ -shuffle=\d+ -timeout=5000ms$/,
      );
      expect(p.leaks.length, `${name}: ${JSON.stringify([p.status, p.failures, p.warnings, p.tests])}`).toBeGreaterThan(
        0,
      );
      for (const leak of p.leaks) {
        expect(leak.stress.runs).toBe(p.stress.runs);
        expect(leak.stress.seenIn).toBeGreaterThanOrEqual(1);
        expect(leak.stress.seenIn).toBeLessThanOrEqual(p.stress.runs);
        expect(leak.stress.reproduce).toBe(p.stress.reproduce);
      }
    }
    const [lookup, hedge, ledger, transfer] = ['lookup', 'hedge', 'ledger', 'transfer'].map(
      (n) => byPath.get(n) as any,
    );
    expect(lookup.status, JSON.stringify(lookup.failures)).toBe('leaked');
    expect(names(lookup.leaks)).toEqual(['TestGetWhileInvalidating chan send end-of-run']);
    // The perturbed copy keeps the user's lines: the stack points at the send in lookup.go.
    expect(lookup.leaks[0].stack[0]).toMatchObject({
      file: 'lookup/lookup.go',
      line: lineOf('lookup/lookup.go', 'result <- v'),
    });
    expect(hedge.status, JSON.stringify(hedge.failures)).toBe('leaked');
    expect(new Set(names(hedge.leaks))).toEqual(new Set(['TestCall chan send end-of-run']));
    expect(ledger.status, JSON.stringify(ledger.failures)).toBe('leaked');
    expect(names(ledger.leaks)).toEqual(['TestRecordWhileClosing sync.Mutex.Lock end-of-run']);
    // A deadlock counts as found: the test hung, -timeout stopped it, its goroutines are the findings.
    expect(transfer.status).toBe('failed');
    expect(transfer.failures).toContain('test timed out; still running: TestTransfersBothWays');
    expect(names(transfer.leaks)).toEqual([
      'TestTransfersBothWays sync.Mutex.Lock timeout',
      'TestTransfersBothWays sync.Mutex.Lock timeout',
      'TestTransfersBothWays sync.WaitGroup.Wait timeout',
    ]);
    expect(run.stderr).toMatch(/goleak-run: stress: 4 of 4 packages, \d+ runs in [\d.]+s; 4 found something/);
    expect(run.stdout).toContain(`  reproduce: ${lookup.stress.reproduce}`);
    expect(run.stdout).toMatch(/×\d+ chan send \(seen in \d+ of \d+ runs?\)/);
    expect(Date.now() - started).toBeLessThan(4 * 40_000);

    // The reproduction is a normal run with the chunk's seeds. The scheduler still decides, so a
    // rare leak may need the command run again: up to three times here.
    for (const p of [lookup, hedge, ledger, transfer]) {
      let found: any;
      // What each attempt gave, for the message when none finds it.
      const attempts: string[] = [];
      for (let attempt = 1; attempt <= 3 && !found; attempt++) {
        const again = join(out.path, `again-${p.importPath.split('/').pop()}-${attempt}.json`);
        const rerun = await reproduce(p.stress.reproduce, again);
        const [pkg] = readJson(again).packages;
        expect(pkg.stress).toBeUndefined();
        attempts.push(`exit ${rerun.exitCode}, ${pkg.status}, ${pkg.leaks.length} findings; ${rerun.stderr.trim()}`);
        if (rerun.exitCode === 1 && pkg.leaks.length > 0) found = pkg;
      }
      const seen = p.leaks.map((l: any) => `${l.stress.seenIn}/${l.stress.runs}`).join(' ');
      expect(found, `${p.importPath} seen in ${seen}: ${p.stress.reproduce}\n${attempts.join('\n')}`).toBeDefined();
      expect(found.status, `${p.importPath}: ${JSON.stringify(found.failures)}`).toBe(p.status);
      const fingerprints = new Set(p.leaks.map((l: any) => l.fingerprint));
      expect(
        found.leaks.some((l: any) => fingerprints.has(l.fingerprint)),
        p.importPath,
      ).toBe(true);
    }
    expect(gitStatus('fixtures/flaky')).toBe('');
  });

  it('keeps the fixed versions clean, however long they are stressed', async () => {
    const json = join(out.path, 'fixed.json');
    const run = await runCli(
      flaky,
      [...BASE, '--stress', '6s', '--json', json, './lookupfixed', './hedgefixed', './ledgerfixed', './transferfixed'],
      env,
    );
    expect(run.exitCode).toBe(0);
    const report = readJson(json);
    expect(report.packages.map((p: any) => [p.importPath, p.status, p.leaks.length]).sort()).toEqual(
      ['hedgefixed', 'ledgerfixed', 'lookupfixed', 'transferfixed'].map((n) => [`example.com/flaky/${n}`, 'passed', 0]),
    );
    for (const p of report.packages) {
      expect(p.stress.runs, p.importPath).toBeGreaterThan(100);
      expect(p.stress.seconds, p.importPath).toBeGreaterThanOrEqual(6);
      expect(p.stress.reproduce).toBeUndefined();
    }
    expect(run.stderr).toMatch(/goleak-run: stress: 4 of 4 packages, \d+ runs in [\d.]+s; 0 found something/);
    expect(gitStatus('fixtures/flaky')).toBe('');
  });

  it('varies GOMAXPROCS even with the perturbation off', async () => {
    // ledger's leak is certain with GOMAXPROCS=1: the test's busy wait keeps the recorder from running until Close.
    const json = join(out.path, 'off.json');
    const run = await runCli(
      flaky,
      [...BASE, '--stress', '20s', '--stress-perturb=off', '--json', json, './ledger'],
      env,
    );
    expect(run.exitCode).toBe(1);
    const [pkg] = readJson(json).packages;
    expect(pkg.stress.perturbationSites).toBe(0);
    expect(pkg.stress.reproduce).toMatch(
      /^goleak-run --max-wait=250ms --no-config --no-baseline example\.com\/flaky\/ledger -- -count=\d+ -cpu=1 -shuffle=\d+ -timeout=\d+ms$/,
    );
    expect(names(pkg.leaks)).toEqual(['TestRecordWhileClosing sync.Mutex.Lock end-of-run']);
  });

  it.each([
    [['--stress', '5'], 'goleak-run: expected --stress to be a Go duration like 500ms, 2s or 1m30s, found "5"'],
    [
      ['--stress', '10s', '--', '-count=3'],
      'goleak-run: expected no -count with --stress, found -count=3: the stress loop chooses -count for each chunk of runs',
    ],
    [
      ['--stress-perturb=on'],
      'goleak-run: expected --stress DURATION or a seed with --stress-perturb=on, found neither',
    ],
    [
      ['--stress', '10s', '--go-json', '-'],
      'goleak-run: expected at most one of --stress and --go-json (the stream would hold only the first run), found both',
    ],
  ])('refuses %j before any test runs', async (args, message) => {
    const dashes = args.indexOf('--');
    const argv = dashes < 0 ? [...args, './lookup'] : [...args.slice(0, dashes), './lookup', ...args.slice(dashes)];
    const run = await runCli(flaky, [...BASE, ...argv], env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
  });

  it('leaves no temp file behind', () => {
    expect(readdirSync(tmp.path)).toEqual([]);
  });
});

// Processes whose command line names a path under dir: the supervisor and the chunks it runs.
function processesUnder(dir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
        const state = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.[0];
        return cmd.includes(dir) && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (check()) return true;
  }
  return check();
}

describe('--stress interrupted', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGKILL', null],
  ] as const)('by %s leaves no chunk running and no temp file', async (signal, code) => {
    const dir = join(tmp.path, signal);
    mkdirSync(dir);
    const child = execa(process.execPath, [cliPath, ...BASE, '--stress', '60s', './lookupfixed'], {
      cwd: flaky,
      reject: false,
      env: { CI: 'true', TMPDIR: dir },
    });
    // A chunk of the stress loop runs: its test binary lives in goleak-run's temp dir.
    const chunk = () =>
      processesUnder(join(dir, 'goleak-run-')).find((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pkg.test'),
      );
    expect(await waitFor(() => chunk() !== undefined, 60_000)).toBe(true);
    const supervisor = Number(readFileSync(`/proc/${chunk()}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
    expect(readFileSync(`/proc/${supervisor}/cmdline`, 'utf8')).toContain('supervise');
    child.kill(signal);
    const result = await child;
    if (code !== null) {
      expect(result.exitCode).toBe(code);
      expect(String(result.stderr)).toContain(`goleak-run: interrupted by ${signal}; no report or baseline written`);
    }
    // The supervisor, its chunks and (after a SIGKILL) the watchdog's cleanup are gone.
    expect(await waitFor(() => processesUnder(join(dir, 'goleak-run-')).length === 0, 10_000)).toBe(true);
    expect(await waitFor(() => !alive(supervisor), 10_000)).toBe(true);
    expect(await waitFor(() => readdirSync(dir).length === 0, 10_000)).toBe(true);
    expect(gitStatus('fixtures/flaky')).toBe('');
  });
});

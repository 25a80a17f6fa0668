import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { type ProfileDeps, profileMain } from '../../src/app/profile-main.js';
import { tempDir } from '../e2e/run-cli.js';
import { PROFILES_DIR, recordedProfile } from './recorded.js';

/** A debug=1 profile with `n` goroutines blocked at main.sub (the service's receive) and a steady pool. */
function debug1(n: number): Buffer {
  const record = (count: number, func: string, line: number): string =>
    `${count} @ 0x1 0x2 0x3\n#\t0x3\t${func}+0x27\t/srv/main.go:${line}\n\n`;
  return Buffer.from(
    `goroutine profile: total ${n + 40}\n${record(n, 'main.sub.func1', 91)}${record(40, 'main.pool.func1', 60)}`,
  );
}

interface World {
  deps: ProfileDeps;
  stdout: () => string;
  stderr: () => string;
  written: Map<string, string>;
  requests: string[];
  interrupt: () => void;
}

/** Injected outside world: recorded files, a fetch answering from `routes`, a clock that sleeps instantly. */
function world(argv: string[], routes: (url: string, round: number) => Response | Error, cwd = PROFILES_DIR): World {
  let out = '';
  let err = '';
  let clock = Date.parse('2026-11-22T10:00:00Z');
  let handler: ((signal: string) => void) | undefined;
  const written = new Map<string, string>();
  const requests: string[] = [];
  const rounds = new Map<string, number>();
  const deps: ProfileDeps = {
    argv,
    env: { CI: 'true', NO_COLOR: '1' },
    cwd,
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
    } as ProfileDeps['stdout'],
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    } as ProfileDeps['stderr'],
    now: () => new Date(clock),
    version: '9.9.9',
    onInterrupt: (h) => {
      handler = h;
      return () => (handler = undefined);
    },
    fetch: async (url) => {
      requests.push(url);
      const round = rounds.get(url) ?? 0;
      rounds.set(url, round + 1);
      const r = routes(url, round);
      if (r instanceof Error) throw r;
      return r;
    },
    readFile: (file) => readFileSync(file),
    sleep: async (ms) => {
      clock += ms;
    },
    writeFile: async (file, content) => {
      written.set(file, content);
    },
    loadConfig: async (dir, explicit) => loadConfig(dir, explicit),
  };
  return { deps, stdout: () => out, stderr: () => err, written, requests, interrupt: () => handler?.('SIGTERM') };
}

const notFound = (): Response => new Response('404 page not found', { status: 404 });

describe('profileMain', () => {
  it('reports files as instances: console and JSON', async () => {
    const w = world(
      ['--threshold', '100', 'service-debug2.txt', 'go127-debug2.txt', '--json', 'out/report.json'],
      notFound,
    );
    expect(await profileMain(w.deps)).toBe(1);
    expect(w.stderr()).toBe('');
    await expect(w.stdout()).toMatchFileSnapshot('__golden__/console.txt');
    const json = w.written.get(join(PROFILES_DIR, 'out/report.json')) ?? '';
    await expect(json).toMatchFileSnapshot('__golden__/report.json');
    const report = JSON.parse(json);
    // The two builds differ (-trimpath), so the send is two locations of one instance each.
    expect(report.suspects.map((s: any) => [s.location.file, s.count, s.instances, s.provenByGc])).toEqual([
      ['/home/gopher/profile-service/main.go', 200, 1, false],
      ['example.com/profileservice/main.go', 200, 1, true],
    ]);
    expect(w.requests).toEqual([]);
  });

  it('writes the JSON to stdout with --json -, and the console report to stderr', async () => {
    const w = world(['--threshold', '100', 'service.pb.gz', '--json', '-'], notFound);
    expect(await profileMain(w.deps)).toBe(1);
    expect(JSON.parse(w.stdout()).suspects).toHaveLength(1);
    expect(w.stderr()).toContain('SUSPECT 1 ×200 chan send in 1 of 1 instance');
    expect(w.written.size).toBe(0);
  });

  it('samples URLs by the clock, measures growth, and notes a sample that failed after the first', async () => {
    const counts = [10, 20, 30, 40];
    const w = world(
      ['--samples', '4', '--interval', '10m', '--debug', '1', 'http://svc:6060/debug/pprof/', '--json', 'g.json'],
      (url, round) => {
        if (url.includes('goroutineleak')) return notFound();
        if (round === 2) return new Error('socket hang up');
        return new Response(debug1(counts[round] ?? 0));
      },
    );
    expect(await profileMain(w.deps)).toBe(1);
    expect(w.requests).toEqual([
      ...Array(4).fill('http://svc:6060/debug/pprof/goroutine?debug=1'),
      'http://svc:6060/debug/pprof/goroutineleak?debug=0',
    ]);
    expect(w.stderr()).toBe(
      'goleak-run: sample 3 failed: expected a goroutine profile from http://svc:6060/debug/pprof/, found a failed request (socket hang up)\n',
    );
    const report = JSON.parse(w.written.get(join(PROFILES_DIR, 'g.json')) ?? '');
    expect(report.sources[0]).toMatchObject({ samples: 3, leakProfile: 'not-served', goroutines: 80 });
    expect(report.sources[0].notes).toHaveLength(1);
    // 10 → 20 → 40 over 30 minutes: 60 an hour. The pool of 40 holds steady and is not reported.
    expect(report.suspects).toEqual([
      expect.objectContaining({ function: 'main.sub.func1', count: 40, growthPerHour: 60, reasons: ['growth'] }),
    ]);
  });

  it('keeps the secrets of a URL out of the console, the JSON and the notes, even when an error quotes them', async () => {
    const source = 'https://ops:hunter22@svc.internal/debug/pprof/?access_token=tk-9f8e7d';
    const w = world(['--samples', '3', '--interval', '1m', source, '--json', 'secret.json', '-v'], (url, round) => {
      if (url.includes('goroutineleak')) return notFound();
      // An error that quotes the request, token and all, as some HTTP stacks do.
      if (round === 1) return new Error(`connect failed for ${url} (token tk-9f8e7d)`);
      return new Response(debug1(5));
    });
    expect(await profileMain(w.deps)).toBe(0);
    const json = w.written.get(join(PROFILES_DIR, 'secret.json')) ?? '';
    const everything = `${w.stdout()}\n${w.stderr()}\n${json}`;
    for (const secret of ['ops', 'hunter22', 'tk-9f8e7d']) expect(everything).not.toContain(secret);
    expect(JSON.parse(json).sources[0].source).toBe('https://REDACTED@svc.internal/debug/pprof/?access_token=REDACTED');
    expect(w.stderr()).toMatch(/^goleak-run: sample 2 failed: .*access_token=REDACTED&debug=2 \(token REDACTED\)\)\n$/);
  });

  it('stops with one line per URL whose first request fails', async () => {
    const w = world(['http://a:1/debug/pprof/', 'http://b:2/x/goroutine'], (url) =>
      url.startsWith('http://a')
        ? Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
        : notFound(),
    );
    expect(await profileMain(w.deps)).toBe(2);
    expect(w.stdout()).toBe('');
    expect(w.stderr()).toBe(
      'goleak-run: expected a goroutine profile from http://a:1/debug/pprof/, found connection refused (is the service listening there?)\n' +
        'goleak-run: expected a goroutine profile from http://b:2/x/goroutine, found HTTP 404 Not Found (is net/http/pprof served there?)\n',
    );
  });

  it('reads the goroutineleak profile of each URL and marks the proven location', async () => {
    const w = world(
      ['--threshold', '100000', 'http://svc/debug/pprof/goroutine'],
      (url) => new Response(recordedProfile(url.includes('goroutineleak') ? 'go127-leak.pb.gz' : 'service.pb.gz')),
    );
    expect(await profileMain(w.deps)).toBe(1);
    expect(w.stdout()).toContain('proof   proven leaked by the GC: 200 of 200');
    expect(w.stdout()).toContain('goroutineleak profile read');
  });

  it('ends on an interrupt while it waits between samples, writing nothing', async () => {
    const w = world(
      ['--samples', '3', '--interval', '1h', 'http://svc/debug/pprof/', '--json', 'r.json'],
      () => new Response(debug1(5)),
    );
    w.deps.sleep = (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
        w.interrupt();
      });
    expect(await profileMain(w.deps)).toBe(143);
    expect(w.stderr()).toBe('goleak-run: interrupted; no report written\n');
    expect(w.written.size).toBe(0);
    expect(w.stdout()).toBe('');
  });

  it('applies the ignore rules of .goleak-run.yaml and of the command line', async () => {
    const dir = tempDir('goleak-run-profile-config-');
    try {
      writeFileSync(
        join(dir.path, '.goleak-run.yaml'),
        'version: 1\nignore:\n  - top: main.startPool.func1\n    reason: the job pool waits for work by design\n',
      );
      const file = join(PROFILES_DIR, 'service-debug2.txt');
      const withConfig = world(['--threshold', '40', file], notFound, dir.path);
      expect(await profileMain(withConfig.deps)).toBe(1);
      expect(withConfig.stdout()).not.toContain('main.startPool.func1');
      const without = world(['--threshold', '40', '--no-config', file], notFound, dir.path);
      await profileMain(without.deps);
      expect(without.stdout()).toContain('main.startPool.func1');
      const cli = world(
        ['--threshold', '40', '--no-config', '--ignore-created-by', 'main.startLookup', file],
        notFound,
        dir.path,
      );
      await profileMain(cli.deps);
      expect(cli.stdout()).not.toContain('main.startLookup.func1');
    } finally {
      dir.remove();
    }
  });
});

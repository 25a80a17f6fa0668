import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { readJson, repoRoot, runCli, tempDir } from '../e2e/run-cli.js';
import { SEND_LINE_TEXT, SERVICE_DIR, type Service, buildService, serviceLine, startService } from './service.js';

// The real service: 12,000 goroutines leaked at one send (over LeakProf's default threshold
// of 10,000), a pool of 40 workers parked on its job queue, 4 idle keep-alive connections.
const LEAKED = 12_000;
const SERVICE_ARGS = ['-leak', String(LEAKED), '-pool', '40', '-idle', '4'];
const sendLine = serviceLine(SEND_LINE_TEXT);
const mainGo = join(SERVICE_DIR, 'main.go');

/** The one suspect every analysis of this service must give: the send, nothing else. */
function expectOnlyTheSend(report: any, state = 'chan send'): void {
  expect(report.schemaVersion).toBe(1);
  expect(report.suspects).toHaveLength(1);
  const s = report.suspects[0];
  expect(s).toMatchObject({ count: LEAKED, instances: 1, state, function: 'main.startLookup.func1' });
  expect(s.location).toEqual({ file: mainGo, line: sendLine });
  expect(s.reasons).toContain('threshold');
}

describe('goleak-run profile on a running Go 1.26 service', () => {
  const tmp = tempDir('goleak-run-profile-');
  const started: Service[] = [];
  let svc: Service;

  beforeAll(async () => {
    const bin = buildService(tmp.path, 'service');
    svc = await startService(bin, SERVICE_ARGS);
    started.push(svc);
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    tmp.remove();
  });

  it('flags only the leaked send, by URL, with its file:line', async () => {
    const json = join(tmp.path, 'url.json');
    const r = await runCli(repoRoot, ['profile', `${svc.url}/debug/pprof/`, '--json', json]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    const report = readJson(json);
    expectOnlyTheSend(report);
    expect(report.sources).toEqual([
      expect.objectContaining({
        source: `${svc.url}/debug/pprof/`,
        kind: 'url',
        format: 'debug=2',
        samples: 1,
        leakProfile: 'not-served',
      }),
    ]);
    expect(report.suspects[0].provenByGc).toBe(false);
    // The pool, the idle connections and the rest are counted, not suspected.
    expect(report.summary.goroutines).toBeGreaterThan(LEAKED + 40 + 4);
    expect(r.stdout).toContain(`SUSPECT 1 ×${LEAKED} chan send in 1 of 1 instance`);
    expect(r.stdout).toContain(`${mainGo}:${sendLine} main.startLookup.func1`);
  });

  it('reads the goroutine endpoint itself in every debug form', async () => {
    for (const [debug, state] of [
      ['0', 'chan send'],
      ['1', 'chan send, receive or select'],
      ['2', 'chan send'],
    ] as const) {
      const json = join(tmp.path, `debug${debug}.json`);
      const r = await runCli(repoRoot, [
        'profile',
        '--debug',
        debug,
        `${svc.url}/debug/pprof/goroutine`,
        '--json',
        json,
      ]);
      expect(r.exitCode, r.stderr).toBe(1);
      expectOnlyTheSend(readJson(json), state);
    }
  });

  it('flags only the send from saved files in each format', async () => {
    const get = async (path: string): Promise<Buffer> =>
      Buffer.from(await (await fetch(`${svc.url}${path}`)).arrayBuffer());
    const gz = await get('/debug/pprof/goroutine');
    const files: Array<[string, Buffer, string]> = [
      ['goroutine.pb.gz', gz, 'chan send'],
      ['goroutine.pb', gunzipSync(gz), 'chan send'],
      ['goroutine-debug1.txt', await get('/debug/pprof/goroutine?debug=1'), 'chan send, receive or select'],
      ['goroutine-debug2.txt', await get('/debug/pprof/goroutine?debug=2'), 'chan send'],
    ];
    for (const [name, bytes, state] of files) {
      const file = join(tmp.path, name);
      writeFileSync(file, bytes);
      const json = join(tmp.path, `${name}.json`);
      const r = await runCli(tmp.path, ['profile', file, '--json', json]);
      expect(r.exitCode, `${name}: ${r.stderr}`).toBe(1);
      const report = readJson(json);
      expectOnlyTheSend(report, state);
      expect(report.sources[0]).toMatchObject({ kind: 'file', samples: 1 });
    }
  });

  it('adds up instances, and reads a SIGQUIT dump of a second instance', async () => {
    const second = await startService(join(tmp.path, 'service'), SERVICE_ARGS);
    started.push(second);
    const json = join(tmp.path, 'two.json');
    const r = await runCli(repoRoot, [
      'profile',
      `${svc.url}/debug/pprof/`,
      `${second.url}/debug/pprof/goroutine`,
      '--json',
      json,
    ]);
    expect(r.exitCode, r.stderr).toBe(1);
    const two = readJson(json);
    expect(two.suspects).toHaveLength(1);
    expect(two.suspects[0]).toMatchObject({
      count: 2 * LEAKED,
      instances: 2,
      location: { file: mainGo, line: sendLine },
    });
    expect(two.summary.instances).toBe(2);

    const dump = await second.stop('SIGQUIT');
    expect(dump).toContain('SIGQUIT: quit');
    const file = join(tmp.path, 'sigquit.txt');
    writeFileSync(file, dump);
    const fromDump = join(tmp.path, 'sigquit.json');
    const q = await runCli(tmp.path, ['profile', file, '--json', fromDump]);
    expect(q.exitCode, q.stderr).toBe(1);
    expectOnlyTheSend(readJson(fromDump));
  });

  it('flags the pool too once the threshold is below it, and nothing when it is above the send', async () => {
    const low = join(tmp.path, 'low.json');
    expect((await runCli(repoRoot, ['profile', '--threshold', '40', svc.url, '--json', low])).exitCode).toBe(1);
    const functions = readJson(low).suspects.map((s: any) => s.function);
    expect(functions).toEqual(['main.startLookup.func1', 'main.startPool.func1']);
    const high = await runCli(repoRoot, ['profile', '--threshold', String(LEAKED + 1), svc.url]);
    expect(high.exitCode).toBe(0);
    expect(high.stdout).toMatch(/goleak-run profile: no suspects in \d+ goroutines from 1 instance, threshold 12001/);
  });
});

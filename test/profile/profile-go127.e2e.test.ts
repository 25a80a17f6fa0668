import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, repoRoot, runCli, tempDir } from '../e2e/run-cli.js';
import { SEND_LINE_TEXT, SERVICE_DIR, type Service, buildService, serviceLine, startService } from './service.js';

// Go 1.27 serves /debug/pprof/goroutineleak: the GC proves the senders leaked (their channel
// is reachable from nothing that runs) and not the pool (its queue is a global).
const LEAKED = 12_000;
const sendLine = serviceLine(SEND_LINE_TEXT);

describe('goleak-run profile on a Go 1.27 service', () => {
  const tmp = tempDir('goleak-run-profile127-');
  let svc: Service | undefined;

  beforeAll(async () => {
    const bin = buildService(tmp.path, 'service127', 'go1.27.4');
    svc = await startService(bin, ['-leak', String(LEAKED), '-pool', '40', '-idle', '4']);
  });
  afterAll(async () => {
    await svc?.stop();
    tmp.remove();
  });

  it('marks the send proven leaked by the GC, and only the send', async () => {
    const json = join(tmp.path, 'url.json');
    const r = await runCli(repoRoot, ['profile', `${svc?.url}/debug/pprof/`, '--json', json]);
    expect(r.exitCode, r.stderr).toBe(1);
    const report = readJson(json);
    expect(report.sources[0].leakProfile).toBe('read');
    expect(report.suspects).toHaveLength(1);
    expect(report.suspects[0]).toMatchObject({
      count: LEAKED,
      function: 'main.startLookup.func1',
      location: { file: join(SERVICE_DIR, 'main.go'), line: sendLine },
      provenByGc: true,
      provenCount: LEAKED,
      reasons: ['threshold', 'proven'],
    });
    expect(r.stdout).toContain(`proof   proven leaked by the GC: ${LEAKED} of ${LEAKED}`);
  });

  it('with a threshold above the send, still reports it: the GC proof is enough', async () => {
    const json = join(tmp.path, 'high.json');
    const r = await runCli(repoRoot, [
      'profile',
      '--threshold',
      '100000',
      `${svc?.url}/debug/pprof/goroutine`,
      '--json',
      json,
    ]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(readJson(json).suspects.map((s: any) => [s.function, s.reasons])).toEqual([
      ['main.startLookup.func1', ['proven']],
    ]);
  });

  it('reads the proof from saved goroutineleak profiles and marked dumps', async () => {
    const get = async (path: string): Promise<Buffer> =>
      Buffer.from(await (await fetch(`${svc?.url}${path}`)).arrayBuffer());
    for (const [name, path] of [
      ['leak.pb.gz', '/debug/pprof/goroutineleak'],
      ['leak-debug1.txt', '/debug/pprof/goroutineleak?debug=1'],
      ['leak-debug2.txt', '/debug/pprof/goroutineleak?debug=2'],
    ] as const) {
      const file = join(tmp.path, name);
      writeFileSync(file, await get(path));
      const json = join(tmp.path, `${name}.json`);
      const r = await runCli(tmp.path, ['profile', file, '--json', json]);
      expect(r.exitCode, `${name}: ${r.stderr}`).toBe(1);
      const report = readJson(json);
      expect(report.suspects, name).toHaveLength(1);
      expect(report.suspects[0], name).toMatchObject({
        count: LEAKED,
        provenByGc: true,
        provenCount: LEAKED,
        location: { line: sendLine },
      });
    }
  });

  it('skips the goroutineleak profile with --no-leak-profile', async () => {
    const json = join(tmp.path, 'off.json');
    const r = await runCli(repoRoot, [
      'profile',
      '--no-leak-profile',
      '--debug',
      '0',
      `${svc?.url}/debug/pprof/`,
      '--json',
      json,
    ]);
    expect(r.exitCode, r.stderr).toBe(1);
    const report = readJson(json);
    expect(report.sources[0].leakProfile).toBe('off');
    // The pprof form has no wait reasons, so no `(leaked)` mark: without the leak profile there is no proof.
    expect(report.suspects[0]).toMatchObject({ provenByGc: false, reasons: ['threshold'] });
  });
});

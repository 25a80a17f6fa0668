import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readJson, repoRoot, runCli, tempDir } from '../e2e/run-cli.js';
import { SUBSCRIBE_LINE_TEXT, type Service, buildService, serviceLine, startService } from './service.js';

// A slow leak far below the threshold: subscribe leaks a receiver every 20 ms while 100 senders
// and a pool of 40 workers hold steady. Sampling tells the climbing count from the steady ones.
describe('goleak-run profile --samples on a service whose leak grows', () => {
  const tmp = tempDir('goleak-run-profile-growth-');
  let svc: Service | undefined;

  beforeAll(async () => {
    svc = await startService(buildService(tmp.path, 'service'), ['-leak', '100', '-pool', '40', '-grow', '20ms']);
  });
  afterAll(async () => {
    await svc?.stop();
    tmp.remove();
  });

  it('reports the growing location with its rate, and not the steady ones', async () => {
    const json = join(tmp.path, 'growth.json');
    const r = await runCli(repoRoot, [
      'profile',
      '--samples',
      '3',
      '--interval',
      '1s',
      `${svc?.url}/debug/pprof/`,
      '--json',
      json,
    ]);
    expect(r.exitCode, r.stderr).toBe(1);
    const report = readJson(json);
    expect(report.sampling).toEqual({ samples: 3, intervalSeconds: 1 });
    expect(report.sources[0].samples).toBe(3);
    expect(report.suspects).toHaveLength(1);
    const s = report.suspects[0];
    expect(s).toMatchObject({ function: 'main.subscribe.func1', state: 'chan receive', reasons: ['growth'] });
    expect(s.location.line).toBe(serviceLine(SUBSCRIBE_LINE_TEXT));
    expect(s.count).toBeLessThan(report.threshold);
    // One goroutine per 20 ms is 180,000 an hour; a loaded machine ticks late, never early.
    expect(s.growthPerHour).toBeGreaterThan(20_000);
    expect(s.growthPerHour).toBeLessThanOrEqual(200_000);
    expect(r.stdout).toMatch(/growth {2}\+[\d.]+ goroutines\/hour, only growing while sampled/);
  });
});

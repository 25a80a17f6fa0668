// End to end: two goleak-run --update-baseline runs at once, on different packages of one module,
// both keep their entries (each re-reads the baseline under its lock just before writing).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/baseline/index.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('concurrent --update-baseline runs', () => {
  it('lose no entries', async () => {
    // A copy: the runs write their baseline into the module.
    const mod = join(tmp.path, 'demo');
    cpSync(fixture('demo'), mod, { recursive: true });
    const update = (pkg: string) =>
      runCli(mod, ['--no-config', '--update-baseline', '--max-wait', '300ms', pkg, '--', '-count=1']);
    const [notify, worker] = await Promise.all([update('./notify'), update('./worker')]);
    expect([notify.exitCode, worker.exitCode]).toEqual([0, 0]);
    const file = join(mod, 'goleak-baseline.yaml');
    const baseline = parseBaseline(readFileSync(file, 'utf8'), file);
    expect(baseline.leaks.map((e) => e.package).sort()).toEqual(['example.com/demo/notify', 'example.com/demo/worker']);
  });
});

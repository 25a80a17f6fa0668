// End to end: the user's own -overlay reaches go list and go test alike, so a test file that
// exists only in the overlay is run (and its leak found), and a file the overlay deletes is not.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const out = tempDir();
afterAll(() => out.remove());

describe("the user's -overlay", () => {
  it('runs the test file only the overlay has, skips the one it deletes, and finds the leak', async () => {
    const json = join(out.path, 'overlay.json');
    const run = await runCli(fixture('bad-input-overlay'), [
      '--no-config',
      '--no-baseline',
      '--max-wait',
      '100ms',
      '--json',
      json,
      '--',
      '-overlay',
      'overlay.json',
      '-count=1',
    ]);
    expect(run.exitCode).toBe(1);
    const [pkg] = readJson(json).packages;
    expect(pkg.importPath).toBe('example.com/overlayinput/pkg');
    expect(pkg.status).toBe('leaked');
    expect(pkg.tests).toEqual({ passed: ['TestOnlyInOverlay'], failed: [], skipped: [] });
    expect(pkg.leaks.map((l: any) => [l.tests.map((t: any) => t.name).join(','), l.state, l.topFunction])).toEqual([
      ['TestOnlyInOverlay', 'chan receive', 'example.com/overlayinput/pkg.Wait'],
    ]);
    expect(gitStatus('fixtures/bad-input-overlay')).toBe('');
  });
});

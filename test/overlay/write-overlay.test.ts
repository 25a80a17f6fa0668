import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOverlay } from '../../src/overlay/index.js';

let tmp = '';
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('writeOverlay', () => {
  it('writes each file to <tmpDir>/<n>/<basename> and the Replace map', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'goleak-run-write-test-'));
    const plans = [
      { importPath: 'm/a', notes: [], warnings: [], files: [{ originalPath: '/src/a/x_test.go', content: 'A' }] },
      { importPath: 'm/b', notes: [], warnings: [], files: [] },
      {
        importPath: 'm/c',
        notes: [],
        warnings: [],
        files: [
          { originalPath: '/src/c/x_test.go', content: 'C1' },
          { originalPath: '/src/c/goleakrun_main_test.go', content: 'C2' },
        ],
      },
    ];
    const written = await writeOverlay(plans, tmp);
    expect(written.overlayFile).toBe(join(tmp, 'overlay.json'));
    expect(written.tempToOriginal).toEqual({
      [join(tmp, '0', 'x_test.go')]: '/src/a/x_test.go',
      [join(tmp, '1', 'x_test.go')]: '/src/c/x_test.go',
      [join(tmp, '2', 'goleakrun_main_test.go')]: '/src/c/goleakrun_main_test.go',
    });
    const overlay = JSON.parse(await readFile(written.overlayFile, 'utf8')) as { Replace: Record<string, string> };
    expect(overlay.Replace).toEqual({
      '/src/a/x_test.go': join(tmp, '0', 'x_test.go'),
      '/src/c/x_test.go': join(tmp, '1', 'x_test.go'),
      '/src/c/goleakrun_main_test.go': join(tmp, '2', 'goleakrun_main_test.go'),
    });
    expect(await readFile(join(tmp, '1', 'x_test.go'), 'utf8')).toBe('C1');
    expect(await readFile(join(tmp, '2', 'goleakrun_main_test.go'), 'utf8')).toBe('C2');
  });

  it("keeps the user's own overlay entries, ours winning for the same file", async () => {
    tmp = await mkdtemp(join(tmpdir(), 'goleak-run-write-test-'));
    const plans = [
      { importPath: 'm/a', notes: [], warnings: [], files: [{ originalPath: '/src/a/x_test.go', content: 'A' }] },
    ];
    const user = { '/src/a/x_test.go': '/user/x_test.go', '/src/a/gen.go': '/user/gen.go' };
    const written = await writeOverlay(plans, tmp, user);
    const overlay = JSON.parse(await readFile(written.overlayFile, 'utf8')) as { Replace: Record<string, string> };
    expect(overlay.Replace).toEqual({
      '/src/a/x_test.go': join(tmp, '0', 'x_test.go'),
      '/src/a/gen.go': '/user/gen.go',
    });
    expect(written.tempToOriginal).toEqual({ [join(tmp, '0', 'x_test.go')]: '/src/a/x_test.go' });
  });
});

// The overlay's files in the user's cache: written once, found again, trimmed when unused, and a
// run still gets its overlay when the cache cannot be written.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trimOverlayCache, writeCachedOverlay, writeOverlayFiles } from '../../src/app/overlay-cache.js';
import type { PackageOverlayPlan } from '../../src/overlay/index.js';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'overlay-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const plan = (content: string): PackageOverlayPlan => ({
  importPath: 'example.com/m/a',
  files: [{ originalPath: '/m/a/goleakrun_main_test.go', content }],
  notes: [],
  warnings: [],
  rules: [],
  handoffs: [],
});
const DAY = 86_400_000;
const now = Date.parse('2026-06-01T00:00:00Z');

describe('writeCachedOverlay', () => {
  it('writes a file once under its content hash, keeps the basename, and reuses it on the next run', async () => {
    const cacheDir = temp();
    const first = await writeCachedOverlay({ plans: [plan('package a\n')], tmpDir: temp(), cacheDir, now });
    const [cached] = Object.keys(first.tempToOriginal);
    expect(cached).toMatch(new RegExp(`^${cacheDir}/[0-9a-f]{24}/goleakrun_main_test\\.go$`));
    expect(readFileSync(cached!, 'utf8')).toBe('package a\n');
    const overlay = JSON.parse(readFileSync(first.overlayFile, 'utf8'));
    expect(overlay.Replace).toEqual({ '/m/a/goleakrun_main_test.go': cached });
    const mtime = statSync(cached!).mtimeMs;
    const second = await writeCachedOverlay({
      plans: [plan('package a\n')],
      tmpDir: temp(),
      cacheDir,
      now: now + 1000,
    });
    expect(Object.keys(second.tempToOriginal)).toEqual([cached]);
    expect(statSync(cached!).mtimeMs).toBe(mtime);
    const changed = await writeCachedOverlay({ plans: [plan('package a // v2\n')], tmpDir: temp(), cacheDir, now });
    expect(Object.keys(changed.tempToOriginal)[0]).not.toBe(cached);
  });

  it('keeps the user overlay entries it does not replace', async () => {
    const written = await writeCachedOverlay({
      plans: [plan('x')],
      tmpDir: temp(),
      cacheDir: temp(),
      userReplace: { '/m/b.go': '/u/b.go' },
      now,
    });
    expect(JSON.parse(readFileSync(written.overlayFile, 'utf8')).Replace['/m/b.go']).toBe('/u/b.go');
  });
});

describe('trimOverlayCache', () => {
  it('removes entries unused for 5 days, at most once a day', () => {
    const cacheDir = temp();
    const entry = (name: string, age: number) => {
      mkdirSync(join(cacheDir, name));
      writeFileSync(join(cacheDir, name, 'f.go'), 'x');
      const t = (now - age) / 1000;
      utimesSync(join(cacheDir, name, 'f.go'), t, t);
    };
    entry('old', 6 * DAY);
    entry('recent', 2 * DAY);
    trimOverlayCache(cacheDir, now);
    expect(() => statSync(join(cacheDir, 'old'))).toThrow();
    expect(statSync(join(cacheDir, 'recent')).isDirectory()).toBe(true);
    entry('old2', 6 * DAY);
    trimOverlayCache(cacheDir, now + DAY / 2);
    expect(statSync(join(cacheDir, 'old2')).isDirectory()).toBe(true);
  });
});

describe('writeOverlayFiles', () => {
  it('falls back to the temp dir when the cache cannot be written', async () => {
    // A file where the cache directory should be: not writable, even for root.
    const cacheBase = join(temp(), 'not-a-dir');
    writeFileSync(cacheBase, '');
    const tmpDir = temp();
    const written = await writeOverlayFiles({
      plans: [plan('y')],
      tmpDir,
      env: { XDG_CACHE_HOME: cacheBase },
      now,
    });
    const [file] = Object.keys(written.tempToOriginal);
    expect(file!.startsWith(tmpDir)).toBe(true);
    expect(readFileSync(file!, 'utf8')).toBe('y');
  });
});

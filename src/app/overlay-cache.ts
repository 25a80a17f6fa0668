// I/O: the overlay's files in a content-addressed cache beside the check key, instead of a fresh
// copy in every run's temp dir. Creating a file costs far more than asking whether it exists, and
// the files are the same from run to run (same package, settings and key), so a run writes only
// what changed, and overlay.json in its temp dir. Entries unused for 5 days are removed, at most
// once a day, as Go trims its own build cache.
import { randomBytes, createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type PackageOverlayPlan, type WrittenOverlay, writeOverlay } from '../overlay/index.js';
import { goleakRunCacheDir } from '../user-dirs.js';

const HOUR = 3_600_000;
/** The overlay in the cache, or in the temp dir when the cache cannot be written (it costs speed, not the run). */
export async function writeOverlayFiles(opts: {
  plans: PackageOverlayPlan[];
  tmpDir: string;
  userReplace?: Record<string, string>;
  env: NodeJS.ProcessEnv;
  now: number;
}): Promise<WrittenOverlay> {
  const { plans, tmpDir, userReplace } = opts;
  try {
    return await writeCachedOverlay({ plans, tmpDir, userReplace, cacheDir: overlayCacheDir(opts.env), now: opts.now });
  } catch {
    return writeOverlay(plans, tmpDir, userReplace);
  }
}

// `<user cache>/goleak-run/overlay`, beside the check key whose signatures the files carry.
function overlayCacheDir(env: NodeJS.ProcessEnv): string {
  return join(goleakRunCacheDir(env, process.platform), 'overlay');
}

/** Entries unused this long are removed. */
const OVERLAY_CACHE_MAX_AGE_MS = 5 * 24 * HOUR;

/**
 * Puts each planned file at `<cacheDir>/<hash>/<basename>` (the basename keeps Go's file-name build
 * constraints) unless it is there already, and writes `<tmpDir>/overlay.json`. Throws when the cache
 * cannot be written; the caller then writes the overlay into the temp dir as before.
 */
export async function writeCachedOverlay(opts: {
  plans: PackageOverlayPlan[];
  tmpDir: string;
  cacheDir: string;
  userReplace?: Record<string, string>;
  now: number;
}): Promise<WrittenOverlay> {
  trimOverlayCache(opts.cacheDir, opts.now);
  const files = opts.plans
    .flatMap((p) => p.files)
    .map((file) => ({ ...file, cached: place(file, opts.cacheDir, opts.now) }));
  const replace = { ...opts.userReplace, ...Object.fromEntries(files.map((f) => [f.originalPath, f.cached])) };
  const overlayFile = join(opts.tmpDir, 'overlay.json');
  await writeFile(overlayFile, `${JSON.stringify({ Replace: replace }, null, 2)}\n`);
  return { overlayFile, tempToOriginal: Object.fromEntries(files.map((f) => [f.cached, f.originalPath])) };
}

function place(file: { originalPath: string; content: string }, cacheDir: string, now: number): string {
  const name = basename(file.originalPath);
  const hash = createHash('sha256').update(name).update('\0').update(file.content).digest('hex').slice(0, 24);
  const dir = join(cacheDir, hash);
  const path = join(dir, name);
  const bytes = Buffer.byteLength(file.content);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isFile() && stat.size === bytes) {
    // Touched at most once an hour: the trim goes by modification time.
    if (now - stat.mtimeMs > HOUR) utimesSync(path, now / 1000, now / 1000);
    return path;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Renamed into place: a run reading the file at the same moment never sees half of it.
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, file.content, { mode: 0o600 });
  renameSync(temp, path);
  return path;
}

/** Removes entries older than the age limit, when the last trim was over a day ago. */
export function trimOverlayCache(cacheDir: string, now: number): void {
  const marker = join(cacheDir, 'trimmed');
  const last = statSync(marker, { throwIfNoEntry: false })?.mtimeMs;
  if (last !== undefined && now - last < 24 * HOUR) return;
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  writeFileSync(marker, '');
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(cacheDir, entry.name);
    const newest = Math.max(
      0,
      ...readdirSync(dir).map((f) => statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0),
    );
    if (now - newest > OVERLAY_CACHE_MAX_AGE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

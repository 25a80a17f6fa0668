// The run's private temp directory: created once, removed on every exit path.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp directory and its removal (idempotent, never throws). */
export interface TempDir {
  path: string;
  /**
   * `<path>/gotmp`, for go's own work directory (GOTMPDIR): go removes it when it exits, but
   * not when it dies of a broken stdout after goleak-run was killed; inside ours, the watchdog
   * removes it with the rest.
   */
  goTmpDir: string;
  remove: () => Promise<void>;
}

/** Creates `$TMPDIR/goleak-run-XXXXXX`; overlay files live here, never in the user's tree. */
export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'goleak-run-'));
  const goTmpDir = join(path, 'gotmp');
  await mkdir(goTmpDir);
  return { path, goTmpDir, remove: () => rm(path, { recursive: true, force: true }).catch(() => undefined) };
}

// The run's private temp directory: created once, removed on every exit path.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { makeFifo } from './follow-fifo.js';
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

/** go test's stdout in the temp dir: a named pipe where there is mkfifo (run/follow-fifo.ts), else a file. */
export const STREAM_FILE_NAME = 'stream.jsonl';

/** Creates `$TMPDIR/goleak-run-XXXXXX`; overlay files live here, never in the user's tree. */
export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'goleak-run-'));
  const goTmpDir = join(path, 'gotmp');
  // The pipe is made now, while go list runs, rather than on the way to starting go test.
  await Promise.all([mkdir(goTmpDir), makeFifo(join(path, STREAM_FILE_NAME))]);
  return { path, goTmpDir, remove: () => rm(path, { recursive: true, force: true }).catch(() => undefined) };
}

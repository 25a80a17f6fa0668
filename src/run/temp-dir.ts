// The run's private temp directory: created once, removed on every exit path.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp directory and its removal (idempotent, never throws). */
export interface TempDir {
  path: string;
  remove: () => Promise<void>;
}

/** Creates `$TMPDIR/goleak-run-XXXXXX`; overlay files live here, never in the user's tree. */
export async function createTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'goleak-run-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }).catch(() => undefined) };
}

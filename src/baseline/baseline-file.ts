// Reading and writing the baseline file: the only part of src/baseline that touches the disk.
import { open, readFile, unlink } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { GoleakRunError } from '../errors.js';
import { parseBaseline } from './parse-baseline.js';
import { serializeBaseline } from './serialize-baseline.js';
import type { Baseline } from './types.js';

/** The parsed baseline, or undefined when the file does not exist. */
export async function readBaseline(path: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GoleakRunError(`cannot read baseline ${path}: ${(cause as Error).message}`, { cause });
  }
  return parseBaseline(text, path);
}

/** Writes the baseline atomically, so an interrupted run never leaves a half-written file. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  try {
    await writeFileAtomic(path, serializeBaseline(baseline), { encoding: 'utf8' });
  } catch (cause) {
    throw new GoleakRunError(`cannot write baseline ${path}: ${(cause as Error).message}`, { cause });
  }
}

/** How long a run waits for another one's baseline update: each holds the lock for a read and a write only. */
const LOCK_WAIT_MS = 10_000;

/**
 * Read-modify-write of the baseline under a lock file (`<path>.lock`, created with O_EXCL and
 * holding the owner's pid), so two runs updating at once both keep their entries: each
 * decides on the baseline as it is on disk at that moment, not as it was when its run began.
 * `decide` returns what to write (nothing: the file is left alone). A lock whose pid is no
 * longer running is stale and taken over.
 */
export async function updateBaselineFile<T extends { write?: { baseline: Baseline } }>(
  path: string,
  decide: (current: Baseline | undefined) => T,
  opts: { pid: number; isRunning: (pid: number) => boolean; sleep: (ms: number) => Promise<void> },
): Promise<T> {
  const lock = `${path}.lock`;
  await acquireLock(lock, opts);
  try {
    const outcome = decide(await readBaseline(path));
    if (outcome.write) await writeBaseline(path, outcome.write.baseline);
    return outcome;
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

async function acquireLock(
  lock: string,
  opts: { pid: number; isRunning: (pid: number) => boolean; sleep: (ms: number) => Promise<void> },
): Promise<void> {
  let waited = 0;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${opts.pid}\n`);
      await handle.close();
      return;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new GoleakRunError(`cannot create the baseline lock ${lock}: ${(cause as Error).message}`, { cause });
      }
    }
    const owner = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    // An empty file is a lock being written this instant: wait for it like any other.
    if (Number.isInteger(owner) && owner > 0 && !opts.isRunning(owner)) {
      await unlink(lock).catch(() => undefined);
      continue;
    }
    if (waited >= LOCK_WAIT_MS) {
      const holder = Number.isInteger(owner) ? `pid ${owner}` : 'another process';
      throw new GoleakRunError(
        `expected to lock the baseline through ${lock}, found it held by ${holder} for ${LOCK_WAIT_MS / 1000}s; ` +
          'remove the file if no goleak-run is running',
      );
    }
    await opts.sleep(delay);
    waited += delay;
  }
}

// Reading and writing the baseline file: the only part of src/baseline that touches the disk.
import { readFile } from 'node:fs/promises';
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

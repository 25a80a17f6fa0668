// Finding and reading the config file: the only part of src/config that touches the disk.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GoleakRunError, UsageError } from '../errors.js';
import { parseConfig, type Config } from './parse-config.js';

/** File names looked for at the module root, in order. */
export const CONFIG_NAMES = ['.goleak-run.yaml', '.goleak-run.yml'] as const;

/** The config path: `explicit` (resolved against the cwd) or the one file of CONFIG_NAMES at the module root. */
export function findConfig(moduleDir: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return path.resolve(explicit);
  const found = CONFIG_NAMES.map((n) => path.join(moduleDir, n)).filter((p) => existsSync(p));
  if (found.length > 1) throw new UsageError(`both ${CONFIG_NAMES.join(' and ')} exist in ${moduleDir}; keep one`);
  return found[0];
}

/** Reads and parses the config; undefined when there is none and none was asked for. */
export function loadConfig(moduleDir: string, explicit?: string): Config | undefined {
  const file = findConfig(moduleDir, explicit);
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new GoleakRunError(`cannot read config file ${file}: ${(cause as Error).message}`, { cause });
  }
  return parseConfig(text, file);
}

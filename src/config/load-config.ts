// Finding and reading the config file: the only part of src/config that touches the disk.
import { readFileSync } from 'node:fs';
import { GoleakRunError } from '../errors.js';
import { findConfig } from './find-config.js';
import { parseConfig, type Config } from './parse-config.js';

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

// Where the config file is, without loading the parser: most runs have no config at all.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** File names looked for at the module root, in order. */
const CONFIG_NAMES = ['.goleak-run.yaml', '.goleak-run.yml'] as const;

/** The config path: `explicit` (resolved against the cwd) or the one file of CONFIG_NAMES at the module root. */
export function findConfig(moduleDir: string, explicit?: string): string | undefined {
  if (explicit !== undefined) return path.resolve(explicit);
  const found = CONFIG_NAMES.map((n) => path.join(moduleDir, n)).filter((p) => existsSync(p));
  if (found.length > 1) throw new UsageError(`both ${CONFIG_NAMES.join(' and ')} exist in ${moduleDir}; keep one`);
  return found[0];
}

// I/O: the user's own `-overlay` file (given after `--`), read and checked before anything runs.
// go resolves relative paths in it against the working directory; deleted files (`""`) are absent.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The user's overlay as go sees the files through it. */
export interface UserOverlay {
  /** Replace map with absolute paths; a value of `""` deletes the file. */
  replace: Record<string, string>;
  /** Reads a file as go sees it: the replacement's text when overlaid. */
  read: (path: string) => string;
  /** Whether go sees the file: overlaid (not deleted), or on disk. */
  exists: (path: string) => boolean;
}

/** Reads and checks `-overlay FILE`; no file gives the empty overlay. Problems throw a one-line UsageError. */
export function readUserOverlay(file: string | undefined, cwd: string): UserOverlay {
  const replace = file === undefined ? {} : readReplace(file, cwd);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  return {
    replace,
    read: (path) => {
      const target = replace[abs(path)];
      if (target === '') throw new Error(`${path} is deleted by the -overlay file`);
      return readFileSync(target ?? path, 'utf8');
    },
    exists: (path) => {
      const target = replace[abs(path)];
      return target === undefined ? isFile(path) : target !== '';
    },
  };
}

function readReplace(file: string, cwd: string): Record<string, string> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `expected -overlay ${file} to be a readable JSON overlay file, found: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const replace = isObject(parsed) ? parsed.Replace : undefined;
  if (!isObject(replace)) {
    throw new UsageError(
      `expected -overlay ${file} to hold {"Replace": {...}}, found ${describe(isObject(parsed) ? replace : parsed)}`,
    );
  }
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(replace)) {
    if (typeof to !== 'string') {
      throw new UsageError(`expected -overlay ${file} to map ${from} to a file name or "", found ${describe(to)}`);
    }
    const target = to === '' ? '' : resolve(cwd, to);
    // go itself would fail the build of every package with a message naming no package.
    if (target !== '' && !isFile(target)) {
      throw new UsageError(`expected the -overlay replacement ${to} of ${from} to be a file, found none`);
    }
    out[resolve(cwd, from)] = target;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'no "Replace" object';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

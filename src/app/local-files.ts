// I/O: the few reads main needs from the user's tree, kept out of the orchestration itself.
import { readFileSync, statSync } from 'node:fs';

/** Reads a Go source file for subtest names; an unreadable file just leaves the subtest unknown. */
export function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when the path exists and is a directory. */
export function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

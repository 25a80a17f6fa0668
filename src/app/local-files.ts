// I/O: the few reads main needs from the user's tree, kept out of the orchestration itself.
import { readFileSync, statSync } from 'node:fs';

// Larger than any hand-written Go file; a path that names a device or a huge generated file is not read.
const MAX_SOURCE_BYTES = 8 << 20;

/** Reads a Go source file for subtest names and call lines; anything but a readable .go file is left unread. */
export function readSource(file: string): string | undefined {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    // Paths come from goroutine stacks: only regular Go files, never a FIFO or a device that would block.
    if (!file.endsWith('.go') || !stat?.isFile() || stat.size > MAX_SOURCE_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when the path exists and is a directory. */
export function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

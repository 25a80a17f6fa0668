// The I/O shell of the reporters: writes their output to report files.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes a report atomically (temporary file, then rename), creating parent directories,
 * so a CI step reading it never sees half a file.
 */
export async function writeReportFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFileAtomic(file, content, { encoding: 'utf8' });
}

/** Appends to $GITHUB_STEP_SUMMARY, which earlier commands of the same step may have written to. */
export async function appendStepSummary(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await appendFile(file, content.endsWith('\n') ? content : `${content}\n`, 'utf8');
}

/**
 * Why `file` cannot be written as a report, or undefined when it can: checked before the run, so
 * a bad path costs one line and no test time. A missing directory is fine while the nearest one
 * that exists is a writable directory (writeReportFile creates the rest). A replaced report is
 * renamed over, so it must be a regular file; an appended one (step summary) may be any non-directory.
 */
export function reportPathProblem(file: string, opts: { append: boolean }): string | undefined {
  const abs = path.resolve(file);
  const stat = statOrUndefined(abs);
  if (stat?.isDirectory()) return 'a directory';
  if (stat && !opts.append && !stat.isFile()) return 'a special file; use - for stdout';
  if (stat && !canWrite(abs)) return 'a file that cannot be written';
  if (stat && opts.append) return undefined;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    const parent = statOrUndefined(dir);
    if (parent && !parent.isDirectory()) return `${dir}, a file, where a directory should be`;
    if (parent) return canWrite(dir) ? undefined : `${dir}, a directory that cannot be written`;
    if (path.dirname(dir) === dir) return 'no directory to create it in';
  }
}

// ENOTDIR (a file on the way) reads as absent here: the walk up finds that file and names it.
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

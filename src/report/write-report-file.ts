// The I/O shell of the reporters: writes their output to report files.
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

// Redraws the one-line progress on a terminal while packages run; a no-op when disabled.
import { formatProgress } from '../report/format-progress.js';

/** A writable terminal stream (process.stderr in the CLI). */
export interface TerminalStream {
  write: (chunk: string) => unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Live progress: call `packageDone` per finished package and `clear` before printing the report. */
export interface ProgressLine {
  packageDone: (leaked: boolean) => void;
  clear: () => void;
}

/** Creates the progress line for `total` packages. */
export function createProgressLine(stream: TerminalStream, enabled: boolean, total: number): ProgressLine {
  let done = 0;
  let leaks = 0;
  let drawn = false;
  const draw = (): void => {
    const line = formatProgress({ done, total, leaks, ...(stream.columns ? { width: stream.columns } : {}) });
    stream.write(`\r\x1b[K${line}`);
    drawn = true;
  };
  if (enabled && total > 0) draw();
  return {
    packageDone: (leaked) => {
      done++;
      if (leaked) leaks++;
      if (enabled) draw();
    },
    clear: () => {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

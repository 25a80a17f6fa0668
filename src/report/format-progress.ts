// The single progress line the CLI redraws on a TTY while packages run.
import { plural } from './labels.js';

/** Progress so far; `running` names a package still being tested. */
export interface Progress {
  done: number;
  total: number;
  leaks: number;
  running?: string;
  /** Terminal width: the line is cut to fit, because a wrapped line cannot be redrawn with `\r`. */
  width?: number;
}

/** `goleak-run: 3/12 packages, 2 leaks, running example.com/m/pkg` (no colour, no newline). */
export function formatProgress(progress: Progress): string {
  const { done, total, leaks, running, width } = progress;
  let line = `goleak-run: ${done}/${total} packages, ${plural(leaks, 'leak')}`;
  if (running !== undefined && running !== '') line += `, running ${running}`;
  if (width !== undefined && width > 1 && [...line].length > width - 1) {
    line = `${[...line].slice(0, width - 2).join('')}…`;
  }
  return line;
}

// What every command (the run, profile, merge) takes from the outside world; each adds its own.
import type { TerminalStream } from './progress-line.js';

/** argv after the command name, the environment, the streams, the clock and the version. */
export interface CommandDeps {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: TerminalStream;
  stderr: TerminalStream;
  now: () => Date;
  version: string;
}

// I/O shell of the run stage: spawns `go test -json` in its own process group and streams its lines.
// node:child_process directly, not execa: this is the one long-running child, it needs nothing
// beyond a pipe and an exit status, and execa's 200 kB cost start-up time in every run.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { openFifoStream } from './follow-fifo.js';
import { type Tail, tailFile } from './tail-file.js';

/** How to start the go test run. */
export interface GoTestRunOptions {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  args: string[];
  /** Called for every line of stdout (the JSON event stream). */
  onLine: (line: string) => void;
  /**
   * A path in the run's temp dir for go test's stdout: a named pipe read in batches, or where there is
   * no mkfifo a file followed as it grows. Without it, stdout is an ordinary pipe, woken by every write.
   */
  streamFile?: string;
}

/** A started run: wait for it, or stop it and everything it started. */
export interface GoTestRun {
  done: Promise<{ exitCode: number; stderr: string; signal?: string }>;
  /** Interrupts the whole process group, then kills it if it has not gone after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** go test's pid, which is also its process group id; undefined when it could not start. */
  pid?: number;
}

/** Starts go test; the child leads its own process group so that stop() reaches the test binaries too. */
export function startGoTest(opts: GoTestRunOptions): GoTestRun {
  const fifo = opts.streamFile === undefined ? undefined : openFifoStream(opts.streamFile);
  const out = opts.streamFile === undefined ? 'pipe' : (fifo?.writeFd ?? openSync(opts.streamFile, 'w'));
  const child = spawn(opts.go, ['test', ...opts.args], {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', out, 'pipe'],
  });
  // The child has its own copy of the descriptor now.
  if (typeof out === 'number') closeSync(out);
  const pid = child.pid;
  let exited = false;
  // Lines are split by hand from the raw stream: a large leak dump is hundreds of thousands
  // of events, and a per-line async iterator costs more than parsing them. Only the line cut
  // between two chunks is joined; the chunk itself is not copied.
  let rest = '';
  const onText = (chunk: string): void => {
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      rest += chunk;
      return;
    }
    opts.onLine(rest === '' ? chunk.slice(0, nl) : rest + chunk.slice(0, nl));
    let start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl >= 0; nl = chunk.indexOf('\n', start)) {
      opts.onLine(chunk.slice(start, nl));
      start = nl + 1;
    }
    rest = chunk.slice(start);
  };
  const tail: Promise<Tail> | undefined =
    opts.streamFile === undefined
      ? undefined
      : fifo
        ? Promise.resolve(fifo.follow(onText))
        : tailFile(opts.streamFile, onText);
  if (child.stdout) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onText);
  }
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => stderr.push(chunk));
  const done = new Promise<{ exitCode: number; stderr: string; signal?: string }>((resolve) => {
    // 'close' comes after both pipes ended, so every line has been read; 'error' alone when go could not start.
    const finish = async (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): Promise<void> => {
      if (exited) return;
      exited = true;
      await (await tail)?.finish();
      if (rest !== '') opts.onLine(rest);
      rest = '';
      const text = stderr.join('') + (spawnError ? `${spawnError.message}\n` : '');
      resolve({ exitCode: code ?? 1, stderr: text, ...(signal ? { signal } : {}) });
    };
    child.once('error', (error) => void finish(null, null, error));
    child.once('close', (code, signal) => void finish(code, signal));
  });
  const killGroup = (signal: NodeJS.Signals): void => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async (graceMs = 3000): Promise<void> => {
    if (!exited) killGroup('SIGINT');
    const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    await done.catch(() => undefined);
    clearTimeout(timer);
    // go test may exit before its test binaries do; make sure none survive it.
    killGroup('SIGKILL');
  };
  return pid === undefined ? { done, stop } : { done, stop, pid };
}

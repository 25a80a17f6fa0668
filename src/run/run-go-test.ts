// I/O shell of the run stage: spawns `go test -json` in its own process group and streams its lines.
import { execa } from 'execa';

/** How to start the go test run. */
export interface GoTestRunOptions {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  args: string[];
  /** Called for every line of stdout (the JSON event stream). */
  onLine: (line: string) => void;
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
  const child = execa(opts.go, ['test', ...opts.args], {
    cwd: opts.cwd,
    env: opts.env,
    extendEnv: false,
    detached: true,
    reject: false,
    stdin: 'ignore',
    buffer: { stdout: false, stderr: true },
  });
  const pid = child.pid;
  let exited = false;
  // Lines are split by hand from the raw stream: a large leak dump is hundreds of thousands
  // of events, and a per-line async iterator costs more than parsing them.
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) opts.onLine(line);
  });
  const done = (async () => {
    const result = await child;
    if (rest !== '') opts.onLine(rest);
    rest = '';
    exited = true;
    const out: { exitCode: number; stderr: string; signal?: string } = {
      exitCode: result.exitCode ?? 1,
      stderr: String(result.stderr ?? ''),
    };
    if (result.signal) out.signal = result.signal;
    return out;
  })();
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

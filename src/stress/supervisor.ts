// I/O: the helper's `supervise` command (templates/stress-helper/supervise.go) started as the
// leader of its own process group. Every build and chunk of the stress loop runs as its child,
// in that one group: an interrupt or the watchdog stops them all by stopping the group, and
// the helper kills them itself when goleak-run goes away (its stdin closes).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { GoTestRun } from '../run/run-go-test.js';

/** How a supervised process ended. */
export interface ProcessEnd {
  pid?: number;
  exitCode: number;
  signal?: string;
  ms: number;
  /** It could not start (or the supervisor is gone). */
  error?: string;
}

/** A process to run: its output (stdout and stderr together) goes to the file `out`. */
interface ProcessRequest {
  argv: string[];
  env: NodeJS.ProcessEnv;
  dir: string;
  out: string;
}

/** The running supervisor. */
export interface Supervisor {
  /** Runs a process to its end; `onStart` gets its id for kill(). */
  run: (req: ProcessRequest, onStart?: (id: number) => void) => Promise<ProcessEnd>;
  kill: (id: number) => void;
  /** Lets the supervisor finish (it kills what still runs) and waits for it. */
  close: () => Promise<void>;
  /** The supervisor as main's interrupt handling and watchdog see a go test run. */
  asRun: GoTestRun;
}

interface Reply {
  id: number;
  pid?: number;
  exit?: number;
  signal?: string;
  ms?: number;
  error?: string;
}

/** Starts the supervisor. */
export function startSupervisor(helper: string): Supervisor {
  const child = spawn(helper, ['supervise'], { detached: true, stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map<number, { resolve: (end: ProcessEnd) => void; pid?: number }>();
  let nextId = 1;
  let gone = false;
  const finishAll = (error: string): void => {
    for (const w of waiting.values()) w.resolve({ exitCode: -1, ms: 0, error, ...(w.pid ? { pid: w.pid } : {}) });
    waiting.clear();
  };
  child.stdin.on('error', () => undefined);
  createInterface({ input: child.stdout }).on('line', (line) => {
    let reply: Reply;
    try {
      reply = JSON.parse(line) as Reply;
    } catch {
      return;
    }
    const w = waiting.get(reply.id);
    if (!w) return;
    if (reply.pid !== undefined && reply.exit === undefined) {
      w.pid = reply.pid;
      return;
    }
    waiting.delete(reply.id);
    const end: ProcessEnd = { exitCode: reply.exit ?? -1, ms: reply.ms ?? 0 };
    if (w.pid !== undefined) end.pid = w.pid;
    if (reply.signal) end.signal = reply.signal;
    if (reply.error) end.error = reply.error;
    w.resolve(end);
  });
  const done = new Promise<{ exitCode: number; stderr: string; signal?: string }>((resolve) => {
    child.on('error', () => undefined);
    child.on('close', (code, signal) => {
      gone = true;
      finishAll('the stress supervisor ended');
      resolve(signal ? { exitCode: code ?? 1, stderr: '', signal } : { exitCode: code ?? 1, stderr: '' });
    });
  });
  const send = (msg: object): void => {
    if (!gone) child.stdin.write(`${JSON.stringify(msg)}\n`);
  };
  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async (graceMs = 3000): Promise<void> => {
    if (!gone) killGroup('SIGINT');
    const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    await done;
    clearTimeout(timer);
    killGroup('SIGKILL');
  };
  return {
    run: (req, onStart) =>
      new Promise((resolve) => {
        if (gone) {
          resolve({ exitCode: -1, ms: 0, error: 'the stress supervisor ended' });
          return;
        }
        const id = nextId++;
        waiting.set(id, { resolve });
        onStart?.(id);
        const env = Object.entries(req.env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
        send({ op: 'start', id, argv: req.argv, env, dir: req.dir, out: req.out });
      }),
    kill: (id) => send({ op: 'kill', id }),
    close: async () => {
      child.stdin.end();
      await done;
    },
    asRun: child.pid === undefined ? { done, stop } : { done, stop, pid: child.pid },
  };
}

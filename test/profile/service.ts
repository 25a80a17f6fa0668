// Test support: builds fixtures/profile-service with a real Go toolchain and runs it, serving
// net/http/pprof on 127.0.0.1 at a free port it prints. Every started service is killed by stop().
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../e2e/run-cli.js';

/** The service module. */
export const SERVICE_DIR = fixture('profile-service');

/** A running service. */
export interface Service {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  proc: ChildProcess;
  /** Kills it (SIGKILL unless another signal is given) and waits for its exit; returns its stderr. */
  stop: (signal?: NodeJS.Signals) => Promise<string>;
}

/** Builds the service binary into `dir`; `toolchain` sets GOTOOLCHAIN (e.g. go1.27.4). */
export function buildService(dir: string, name: string, toolchain?: string): string {
  const bin = join(dir, name);
  execFileSync('go', ['build', '-o', bin, '.'], {
    cwd: SERVICE_DIR,
    env: { ...process.env, ...(toolchain ? { GOTOOLCHAIN: toolchain } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return bin;
}

/** Starts a built service and resolves once it prints its address (10 s at most). */
export function startService(bin: string, args: string[]): Promise<Service> {
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<string> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
    return stderr;
  };
  return new Promise<Service>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`service did not start in 10 s: ${stderr}`));
    }, 10_000);
    proc.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1] as string, proc, stop });
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${code}) before listening: ${stderr}`));
    });
  });
}

/** Line of the first source line of main.go containing `text`: the test's expected location. */
export function serviceLine(text: string): number {
  const lines = readFileSync(join(SERVICE_DIR, 'main.go'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line with ${text} in main.go`);
  return i + 1;
}

/** The leaked send in startLookup. */
export const SEND_LINE_TEXT = 'ch <- key * 2';
/** The receive of the goroutines subscribe leaks over time. */
export const SUBSCRIBE_LINE_TEXT = 'for u := range updates';

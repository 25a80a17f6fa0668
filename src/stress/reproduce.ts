// Pure: the command that runs a finding chunk again: a normal goleak-run of the package with
// the chunk's -cpu, -shuffle, -timeout and perturbation seed, and up to REPRODUCE_FACTOR times
// its -count. The same seeds give the same order and the same pausing sites, but the scheduler
// still decides, so a leak seen in some of the chunk's runs needs more runs to show surely; the
// rounds stay within half the -timeout, or the reproduction would pass for a hung test.
import type { ChunkConfig } from './chunk-plan.js';

/** The reproduction runs this many times the chunk's -count. */
export const REPRODUCE_FACTOR = 20;

/** goleak-run options that change what a run finds, carried into the command as the user gave them. */
export interface CarriedOptions {
  dir: string;
  maxWait?: string;
  /** `--ignore-top`, … : flag name (without dashes) and function. */
  ignores: Array<[flag: string, func: string]>;
  config?: string;
  useConfig: boolean;
  baseline?: string;
  useBaseline: boolean;
}

// The user's flags the chunk's own values replace.
const REPLACED = /^--?(?:test\.)?(?:count|cpu|shuffle|timeout)(?:=|$)/;
const VALUE_SEPARATE = /^--?(?:test\.)?(?:count|cpu|shuffle|timeout)$/;

/** The command, quoted for a POSIX shell. */
export function reproduceCommand(opts: {
  carried: CarriedOptions;
  importPath: string;
  chunk: ChunkConfig;
  /** What a round took in the package's clean chunks; unknown, the chunk's own -count is used. */
  perRoundMs?: number;
  /** The go test flags the user gave after `--`. */
  goTestArgs: string[];
}): string {
  const { carried, chunk } = opts;
  const ours: string[] = ['goleak-run'];
  if (carried.dir !== '.') ours.push('-C', carried.dir);
  if (carried.maxWait !== undefined) ours.push(`--max-wait=${carried.maxWait}`);
  for (const [flag, func] of carried.ignores) ours.push(`--${flag}=${func}`);
  if (!carried.useConfig) ours.push('--no-config');
  else if (carried.config !== undefined) ours.push(`--config=${carried.config}`);
  if (!carried.useBaseline) ours.push('--no-baseline');
  else if (carried.baseline !== undefined) ours.push(`--baseline=${carried.baseline}`);
  if (chunk.perturbSeed !== undefined) ours.push(`--stress-perturb=${chunk.perturbSeed}`);
  ours.push(opts.importPath, '--');
  ours.push(
    `-count=${reproduceCount(chunk, opts.perRoundMs)}`,
    `-cpu=${chunk.cpu.join(',')}`,
    `-shuffle=${chunk.shuffle}`,
    `-timeout=${chunk.timeoutMs}ms`,
  );
  ours.push(...withoutReplaced(opts.goTestArgs));
  return ours.map(shellQuote).join(' ');
}

/** The reproduction's -count: REPRODUCE_FACTOR times the chunk's, within half its -timeout, never below it. */
export function reproduceCount(chunk: ChunkConfig, perRoundMs: number | undefined): number {
  if (perRoundMs === undefined || perRoundMs <= 0) return chunk.count;
  const fits = Math.floor(chunk.timeoutMs / 2 / perRoundMs / chunk.cpu.length);
  return Math.max(chunk.count, Math.min(chunk.count * REPRODUCE_FACTOR, fits));
}

function withoutReplaced(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-args' || arg === '--args') return [...out, ...args.slice(i)];
    if (VALUE_SEPARATE.test(arg)) {
      i++;
      continue;
    }
    if (!REPLACED.test(arg)) out.push(arg);
  }
  return out;
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

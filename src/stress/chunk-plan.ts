// Pure planning of the stress loop: what the next chunk of runs (one run of the test binary
// with -count=K) looks like, from what the chunks before it took.
import type { PerturbMode } from './stress-options.js';

/** One run of the test binary: K rounds per -cpu value, with its shuffle and perturbation seeds. */
export interface ChunkConfig {
  /** 1, 2, …: the chunk's number within its package. */
  index: number;
  count: number;
  cpu: number[];
  /** `-test.shuffle`: a seed, or `off`. */
  shuffle: string;
  /** The perturbation seed; undefined when perturbation is off. */
  perturbSeed?: number;
  /** `-test.timeout`: a run longer than this is a hung test. */
  timeoutMs: number;
}

/** What earlier chunks of the package measured. */
export interface ChunkHistory {
  /** Chunks started so far. */
  started: number;
  /** Rounds run by finished chunks, and the time those chunks took (process start included). */
  rounds: number;
  ms: number;
  /** The largest -count used so far. */
  maxCount: number;
}

/** The fixed inputs of a package's loop. */
export interface ChunkContext {
  /** Time left of the package's budget. */
  budgetLeftMs: number;
  /** GOMAXPROCS values tried in turn, unless the user fixed -cpu. */
  cpuCycle: number[];
  userCpu?: number[];
  /** The user's -shuffle: `off` or a seed fixes it; `on` or none draws one per chunk. */
  userShuffle?: string;
  /** The user's -timeout (0 = none), used as it is. */
  userTimeoutMs?: number;
  perturb: PerturbMode;
  /** A uniformly random integer in [0, 2^31). */
  random: () => number;
}

/** How long a chunk should take once the round time is known: long enough to amortise the process start. */
export const TARGET_CHUNK_MS = 300;
/** The shortest -timeout a chunk gets: below this, a slow machine would make a hung test of a slow one. */
export const MIN_CHUNK_TIMEOUT_MS = 10_000;
/** -count never grows more than this factor from one chunk to the next. */
const GROWTH = 8;
const MAX_COUNT = 1_000_000;

/** An empty history. */
export function startHistory(): ChunkHistory {
  return { started: 0, rounds: 0, ms: 0, maxCount: 0 };
}

/** The history after a chunk finished having run `rounds` rounds in `ms`. */
export function recordChunk(history: ChunkHistory, chunk: ChunkConfig, rounds: number, ms: number): ChunkHistory {
  return {
    started: history.started,
    rounds: history.rounds + rounds,
    ms: history.ms + ms,
    maxCount: Math.max(history.maxCount, chunk.count),
  };
}

/** The next chunk, and the history with it counted as started. */
export function nextChunk(history: ChunkHistory, ctx: ChunkContext): { chunk: ChunkConfig; history: ChunkHistory } {
  const index = history.started + 1;
  const cpu = ctx.userCpu ?? [ctx.cpuCycle[(index - 1) % ctx.cpuCycle.length] ?? 1];
  const count = chunkCount(history, ctx.budgetLeftMs, cpu.length);
  const perRound = history.rounds > 0 ? history.ms / history.rounds : undefined;
  const expected = perRound === undefined ? undefined : perRound * count * cpu.length;
  const chunk: ChunkConfig = {
    index,
    count,
    cpu,
    shuffle: shuffleFor(ctx),
    timeoutMs: chunkTimeout(expected, ctx),
  };
  if (ctx.perturb !== 'off') chunk.perturbSeed = ctx.perturb === 'on' ? 1 + ctx.random() : ctx.perturb;
  return { chunk, history: { ...history, started: index } };
}

// The first chunks run one round each: they measure. Then -count aims at TARGET_CHUNK_MS (less
// when little budget is left), growing by at most GROWTH per chunk.
function chunkCount(history: ChunkHistory, budgetLeftMs: number, cpus: number): number {
  if (history.rounds === 0) return 1;
  const perRound = Math.max(history.ms / history.rounds, 0.001);
  const target = Math.min(TARGET_CHUNK_MS, Math.max(budgetLeftMs, 50));
  const wanted = Math.floor(target / perRound / cpus);
  return Math.max(1, Math.min(wanted, Math.max(1, history.maxCount) * GROWTH, MAX_COUNT));
}

function shuffleFor(ctx: ChunkContext): string {
  const user = ctx.userShuffle;
  if (user !== undefined && user !== 'on') return user;
  return String(ctx.random());
}

// A user's -timeout stands (0, none, gets ours). Otherwise ten times what the chunk should
// take, at least MIN_CHUNK_TIMEOUT_MS, and no more than the budget left, so that a hung test
// is found within the budget; a chunk of unknown length gets half of what is left.
function chunkTimeout(expectedMs: number | undefined, ctx: ChunkContext): number {
  if (ctx.userTimeoutMs !== undefined && ctx.userTimeoutMs > 0) return ctx.userTimeoutMs;
  const wanted = expectedMs === undefined ? ctx.budgetLeftMs / 2 : Math.min(expectedMs * 10, ctx.budgetLeftMs);
  return Math.ceil(Math.max(MIN_CHUNK_TIMEOUT_MS, wanted));
}

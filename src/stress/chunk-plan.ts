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
  /** The latest finished chunks' rounds and times, to tell a process's fixed cost from a round's. */
  samples: Array<{ rounds: number; ms: number }>;
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
const TARGET_CHUNK_MS = 300;
/** The shortest -timeout a chunk gets: below this, a slow machine would make a hung test of a slow one. */
export const MIN_CHUNK_TIMEOUT_MS = 10_000;
/** -count never grows more than this factor from one chunk to the next. */
const GROWTH = 8;
const MAX_COUNT = 1_000_000;

/** An empty history. */
export function startHistory(): ChunkHistory {
  return { started: 0, rounds: 0, ms: 0, maxCount: 0, samples: [] };
}

const SAMPLES = 16;

/** The history after a chunk finished having run `rounds` rounds in `ms`. */
export function recordChunk(history: ChunkHistory, chunk: ChunkConfig, rounds: number, ms: number): ChunkHistory {
  return {
    started: history.started,
    rounds: history.rounds + rounds,
    ms: history.ms + ms,
    maxCount: Math.max(history.maxCount, chunk.count),
    samples: rounds > 0 ? [...history.samples, { rounds, ms }].slice(-SAMPLES) : history.samples,
  };
}

/** The next chunk, and the history with it counted as started. */
export function nextChunk(history: ChunkHistory, ctx: ChunkContext): { chunk: ChunkConfig; history: ChunkHistory } {
  const index = history.started + 1;
  const cpu = ctx.userCpu ?? [ctx.cpuCycle[(index - 1) % ctx.cpuCycle.length] ?? 1];
  const cost = estimateCost(history.samples);
  const count = cost ? chunkCount(cost, history, ctx.budgetLeftMs, cpu.length) : 1;
  const chunk: ChunkConfig = {
    index,
    count,
    cpu,
    shuffle: shuffleFor(ctx),
    timeoutMs: chunkTimeout(cost ? cost.fixed + cost.perRound * count * cpu.length : undefined, ctx),
  };
  if (ctx.perturb !== 'off') chunk.perturbSeed = ctx.perturb === 'on' ? 1 + ctx.random() : ctx.perturb;
  return { chunk, history: { ...history, started: index } };
}

/** A chunk's cost: a fixed part per process (start, the check, -race's exit delay) and a part per round. */
export interface ChunkCost {
  fixed: number;
  perRound: number;
  /** Both parts are known: chunks of different sizes were measured. */
  fitted: boolean;
}

/** Fits ms = fixed + perRound × rounds to the samples; with one size only, all of it counts as round time. */
export function estimateCost(samples: ReadonlyArray<{ rounds: number; ms: number }>): ChunkCost | undefined {
  if (samples.length === 0) return undefined;
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.rounds, 0) / n;
  const my = samples.reduce((a, s) => a + s.ms, 0) / n;
  const sxx = samples.reduce((a, s) => a + (s.rounds - mx) ** 2, 0);
  if (sxx === 0) return { fixed: 0, perRound: Math.max(my / mx, 0.001), fitted: false };
  const sxy = samples.reduce((a, s) => a + (s.rounds - mx) * (s.ms - my), 0);
  const perRound = Math.max(sxy / sxx, 0.001);
  return { fixed: Math.max(0, my - perRound * mx), perRound, fitted: true };
}

// The first chunks run one round each: they measure. While chunks of one size only were measured,
// the next is twice as big (if that fits in half the budget left), so that a process's fixed cost
// can be told from a round's. Then -count aims at TARGET_CHUNK_MS, or three times the fixed cost
// when that is more (-race sleeps a second at exit), within half the budget left, growing by at
// most GROWTH per chunk.
function chunkCount(cost: ChunkCost, history: ChunkHistory, budgetLeftMs: number, cpus: number): number {
  const last = Math.max(1, history.maxCount);
  if (!cost.fitted) {
    const doubled = last * 2;
    return cost.perRound * doubled * cpus <= budgetLeftMs / 2 ? doubled : last;
  }
  const target = Math.min(Math.max(TARGET_CHUNK_MS, 3 * cost.fixed), Math.max(budgetLeftMs / 2, 50));
  const wanted = Math.floor((target - cost.fixed) / cost.perRound / cpus);
  return Math.max(1, Math.min(wanted, last * GROWTH, MAX_COUNT));
}

function shuffleFor(ctx: ChunkContext): string {
  const user = ctx.userShuffle;
  if (user !== undefined && user !== 'on') return user;
  return String(ctx.random());
}

// A user's -timeout stands (0, none, gets ours). Otherwise ten times what the chunk should
// take, at least MIN_CHUNK_TIMEOUT_MS, and within the budget left (so that a hung test is found
// within the budget) unless that is under twice the chunk's length; a chunk of unknown length
// gets half of what is left.
function chunkTimeout(expectedMs: number | undefined, ctx: ChunkContext): number {
  if (ctx.userTimeoutMs !== undefined && ctx.userTimeoutMs > 0) return ctx.userTimeoutMs;
  const wanted =
    expectedMs === undefined
      ? ctx.budgetLeftMs / 2
      : Math.min(expectedMs * 10, Math.max(ctx.budgetLeftMs, expectedMs * 2));
  return Math.ceil(Math.max(MIN_CHUNK_TIMEOUT_MS, wanted));
}

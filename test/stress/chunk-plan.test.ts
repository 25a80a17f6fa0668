// The stress loop's planning: chunk sizes, seeds, GOMAXPROCS values and time-outs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChunkContext,
  estimateCost,
  MIN_CHUNK_TIMEOUT_MS,
  nextChunk,
  recordChunk,
  startHistory,
} from '../../src/stress/chunk-plan.js';

function counter(): () => number {
  let n = 100;
  return () => n++;
}

const ctx = (over: Partial<ChunkContext> = {}): ChunkContext => ({
  budgetLeftMs: 30_000,
  cpuCycle: [2, 1, 4, 8],
  perturb: 'on',
  random: counter(),
  ...over,
});

describe('nextChunk', () => {
  it("measures with one round first, tells the fixed cost from a round's, then sizes -count to the target time", () => {
    const c = ctx();
    let { chunk, history } = nextChunk(startHistory(), c);
    expect(chunk).toMatchObject({ index: 1, count: 1, cpu: [2], shuffle: '100', perturbSeed: 102 });
    // Unknown length: half the budget left, at least the minimum.
    expect(chunk.timeoutMs).toBe(15_000);
    history = recordChunk(history, chunk, 1, 6);
    ({ chunk, history } = nextChunk(history, c));
    // One size measured: twice as many rounds, to tell the process's cost from a round's.
    expect(chunk).toMatchObject({ index: 2, count: 2, cpu: [1] });
    history = recordChunk(history, chunk, 2, 7);
    ({ chunk, history } = nextChunk(history, c));
    // 5 ms a process and 1 ms a round: 295 rounds make 300 ms, but -count grows at most 8 times a chunk.
    expect(chunk).toMatchObject({ count: 16, cpu: [4] });
    history = recordChunk(history, chunk, 16, 21);
    ({ chunk } = nextChunk(history, c));
    expect(chunk.count).toBe(128);
    expect(chunk.timeoutMs).toBe(MIN_CHUNK_TIMEOUT_MS);
  });

  it('gives a costly process (-race sleeps a second at exit) chunks three times as long', () => {
    let history = startHistory();
    for (const [count, ms] of [
      [1, 1020],
      [2, 1040],
      [16, 1320],
    ] as const) {
      const next = nextChunk(history, ctx({ userCpu: [1] }));
      history = recordChunk(next.history, { ...next.chunk, count }, count, ms);
    }
    // 1000 ms a process, 20 ms a round: 3 s chunks.
    const cost = estimateCost(history.samples);
    expect(cost?.fixed).toBeCloseTo(1000, 6);
    expect(cost?.perRound).toBeCloseTo(20, 6);
    expect(nextChunk(history, ctx({ userCpu: [1] })).chunk.count).toBe(100);
  });

  it('keeps a slow round to one per chunk, with a time-out the chunk can meet', () => {
    let history = startHistory();
    for (const [count, ms] of [
      [1, 5000],
      [2, 10_000],
    ] as const) {
      const next = nextChunk(history, ctx({ userCpu: [1], budgetLeftMs: 30_000 }));
      history = recordChunk(next.history, { ...next.chunk, count }, count, ms);
    }
    const { chunk } = nextChunk(history, ctx({ userCpu: [1], budgetLeftMs: 3000 }));
    expect(chunk.count).toBe(1);
    // Over the 3 s left, but a 5 s chunk must not pass for a hung test.
    expect(chunk.timeoutMs).toBe(MIN_CHUNK_TIMEOUT_MS);
    expect(nextChunk(history, ctx({ userCpu: [1], budgetLeftMs: 3000, userTimeoutMs: 0 })).chunk.timeoutMs).toBe(
      10_000,
    );
  });

  it('keeps what the user fixed: -cpu (every value a round), -shuffle off or a seed, -timeout', () => {
    const { chunk } = nextChunk(startHistory(), ctx({ userCpu: [1, 4], userShuffle: 'off', userTimeoutMs: 3000 }));
    expect(chunk).toMatchObject({ cpu: [1, 4], shuffle: 'off', timeoutMs: 3000 });
    expect(nextChunk(startHistory(), ctx({ userShuffle: '77' })).chunk.shuffle).toBe('77');
    // -shuffle=on draws a seed that can be reported.
    expect(nextChunk(startHistory(), ctx({ userShuffle: 'on' })).chunk.shuffle).toBe('100');
  });

  it('perturbs with a fresh seed, the given seed, or not at all', () => {
    expect(nextChunk(startHistory(), ctx({ perturb: 'off' })).chunk.perturbSeed).toBeUndefined();
    expect(nextChunk(startHistory(), ctx({ perturb: 99 })).chunk.perturbSeed).toBe(99);
  });

  it('never plans an empty chunk, a time-out below the minimum, or a seed of 0 (perturbation off)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(10_000), fc.double({ min: 0, max: 60_000, noNaN: true })), { maxLength: 12 }),
        fc.nat(100_000),
        fc.nat(2 ** 31 - 2),
        (finished, budgetLeftMs, seed) => {
          let history = startHistory();
          const c = ctx({ budgetLeftMs, random: () => seed });
          for (const [rounds, ms] of finished) {
            const next = nextChunk(history, c);
            history = recordChunk(next.history, next.chunk, rounds, ms);
          }
          const { chunk } = nextChunk(history, c);
          expect(chunk.count).toBeGreaterThanOrEqual(1);
          expect(Number.isInteger(chunk.count)).toBe(true);
          expect(chunk.timeoutMs).toBeGreaterThanOrEqual(MIN_CHUNK_TIMEOUT_MS);
          expect(chunk.perturbSeed).toBeGreaterThan(0);
          expect(chunk.cpu.length).toBe(1);
        },
      ),
    );
  });
});

// The stress loop's planning: chunk sizes, seeds, GOMAXPROCS values and time-outs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChunkContext,
  MIN_CHUNK_TIMEOUT_MS,
  nextChunk,
  recordChunk,
  startHistory,
  TARGET_CHUNK_MS,
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
  it('measures with one round first, then sizes -count to the target time', () => {
    const c = ctx();
    let { chunk, history } = nextChunk(startHistory(), c);
    expect(chunk).toMatchObject({ index: 1, count: 1, cpu: [2], shuffle: '100', perturbSeed: 102 });
    // Unknown length: half the budget left, at least the minimum.
    expect(chunk.timeoutMs).toBe(15_000);
    history = recordChunk(history, chunk, 1, 6);
    ({ chunk, history } = nextChunk(history, c));
    // 6 ms a round: 50 rounds would make 300 ms, but -count grows at most 8 times a chunk.
    expect(chunk).toMatchObject({ index: 2, count: 8, cpu: [1] });
    history = recordChunk(history, chunk, 8, 48);
    ({ chunk } = nextChunk(history, c));
    expect(chunk.count).toBe(Math.floor(TARGET_CHUNK_MS / 6));
    expect(chunk.cpu).toEqual([4]);
    expect(chunk.timeoutMs).toBe(MIN_CHUNK_TIMEOUT_MS);
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

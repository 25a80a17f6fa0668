// The shard split: disjoint, complete, deterministic whatever order go list printed, balanced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShards, shardWeights } from '../../src/shard/assign-shards.js';
import { parseShardSpec } from '../../src/shard/shard-spec.js';
import { parseTimings } from '../../src/shard/parse-timings.js';

const pkgs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ importPath: `m/p${String(i).padStart(3, '0')}`, noTestFiles: false }));

describe('assignShards', () => {
  it('gives disjoint parts that cover every package, the same for any input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 40, maxLength: 40 }),
        (names, count, weights) => {
          const items = names.map((importPath, i) => ({ importPath, weight: weights[i]! }));
          const parts = assignShards(items, count);
          expect(parts).toHaveLength(count);
          expect(parts.flat().sort()).toEqual([...names].sort());
          expect(assignShards([...items].reverse(), count)).toEqual(parts);
        },
      ),
    );
  });

  it('balances package counts without timings', () => {
    const parts = assignShards(shardWeights(pkgs(10), undefined), 3);
    expect(parts.map((p) => p.length).sort()).toEqual([3, 3, 4]);
  });

  it('balances durations with timings: the slow package gets a part of its own', () => {
    const durations = new Map([
      ['m/p000', 30],
      ...pkgs(7)
        .slice(1)
        .map((p): [string, number] => [p.importPath, 5]),
    ]);
    const parts = assignShards(shardWeights(pkgs(7), durations), 2);
    expect(parts[0]).toEqual(['m/p000']);
    expect(parts[1]).toHaveLength(6);
  });

  it('costs a package the timings do not know the mean of those they do, and one without tests nothing', () => {
    const list = [
      ...pkgs(2),
      { importPath: 'm/new', noTestFiles: false },
      { importPath: 'm/types', noTestFiles: true },
    ];
    const weights = shardWeights(
      list,
      new Map([
        ['m/p000', 1],
        ['m/p001', 3],
      ]),
    );
    expect(weights.map((w) => w.weight)).toEqual([1, 3, 2, 0]);
  });
});

describe('parseShardSpec', () => {
  it.each([
    ['1/1', 1, 1],
    ['2/4', 2, 4],
    [' 3/3 ', 3, 3],
  ])('reads %s', (text, index, count) => {
    expect(parseShardSpec(text)).toEqual({ index, count });
  });

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '1/3/4', '1/1001', '-1/3', ''])('refuses %j with one line', (text) => {
    expect(() => parseShardSpec(text)).toThrow(
      /^expected --shard K\/N with 1 <= K <= N <= 1000 \(e\.g\. 2\/4\), found /,
    );
  });
});

describe('parseTimings', () => {
  it('reads elapsedSeconds by import path and skips entries without them', () => {
    const text = JSON.stringify({ packages: [{ importPath: 'm/a', elapsedSeconds: 1.5 }, { importPath: 'm/b' }] });
    expect([...parseTimings(text, 'r.json')]).toEqual([['m/a', 1.5]]);
  });

  it('refuses what is not a report', () => {
    expect(() => parseTimings('{', 'r.json')).toThrow(
      'expected --shard-timings r.json to be a goleak-run JSON report, found text that is not JSON',
    );
    expect(() => parseTimings('[]', 'r.json')).toThrow('found no packages array');
  });
});

import { describe, expect, it } from 'vitest';
import { growthRates, type Sample } from '../../src/profile/growth.js';
import { DEFAULT_THRESHOLD, judge, type InstanceData } from '../../src/profile/judge.js';
import { type LocationTally, type SnapshotTally, locationKey } from '../../src/profile/profile-types.js';
import { tallyRecorded } from './recorded.js';

// Hand-made tallies: judging is arithmetic over locations, whatever profile they came from.
function loc(func: string, line: number, count: number, extra: Partial<LocationTally> = {}): LocationTally {
  return {
    function: func,
    file: '/srv/main.go',
    line,
    count,
    states: new Map([['chan send', count]]),
    proven: 0,
    stack: [{ func, file: '/srv/main.go', line }],
    stackCount: 1,
    ...extra,
  };
}
function tally(...locs: LocationTally[]): SnapshotTally {
  const goroutines = locs.reduce((n, l) => n + l.count, 0) + 10;
  return {
    goroutines,
    ignored: 3,
    notSuspect: 7,
    locations: new Map(locs.map((l) => [locationKey(l.function, l.file, l.line), l])),
  };
}
const once = (t: SnapshotTally): InstanceData => ({ samples: [{ takenAtMs: 0, tally: t }] });
const series = (...counts: number[]): Sample[] =>
  counts.map((c, i) => ({
    takenAtMs: i * 600_000,
    tally: c === 0 ? tally() : tally(loc('main.sub', 9, c, { states: new Map([['chan receive', c]]) })),
  }));

describe('judge', () => {
  it("uses LeakProf's 10,000 by default, and flags a location when its count reaches the threshold", () => {
    expect(DEFAULT_THRESHOLD).toBe(10_000);
    const j = judge([once(tally(loc('main.leak', 5, 10_000), loc('main.pool', 7, 9_999)))], DEFAULT_THRESHOLD);
    expect(j.suspects.map((s) => [s.function, s.reasons])).toEqual([['main.leak', ['threshold']]]);
    expect(j).toMatchObject({ goroutines: 20_009, ignored: 3, notSuspect: 7, blocked: 19_999 });
  });

  it('adds a location up across instances and counts the instances that show it', () => {
    const j = judge(
      [
        once(tally(loc('main.leak', 5, 400))),
        once(tally(loc('main.leak', 5, 700))),
        once(tally(loc('main.other', 1, 2))),
      ],
      1000,
    );
    expect(j.suspects).toHaveLength(1);
    expect(j.suspects[0]).toMatchObject({
      count: 1100,
      instances: 2,
      state: 'chan send',
      file: '/srv/main.go',
      line: 5,
    });
  });

  it('keeps the longest wait and the commonest state, and ranks by count', () => {
    const a = loc('main.a', 1, 50, { maxWaitMinutes: 3 });
    const b = loc('main.a', 1, 60, { maxWaitMinutes: 12, states: new Map([['select', 60]]) });
    const j = judge([once(tally(a, loc('main.b', 2, 200))), once(tally(b))], 10);
    expect(j.suspects.map((s) => s.function)).toEqual(['main.b', 'main.a']);
    expect(j.suspects[1]).toMatchObject({ count: 110, maxWaitMinutes: 12, state: 'select' });
  });

  it('reports GC-proven locations below the threshold, never proving more than it counts', () => {
    const proof = tally(loc('main.leak', 5, 30, { proven: 30 }));
    const j = judge([{ ...once(tally(loc('main.leak', 5, 25))), leakProfile: proof }], 10_000);
    expect(j.suspects[0]).toMatchObject({ count: 30, provenCount: 30, reasons: ['proven'] });
    const marked = judge([once(tally(loc('main.leak', 5, 25, { proven: 20 })))], 10_000);
    expect(marked.suspects[0]).toMatchObject({ count: 25, provenCount: 20, reasons: ['proven'] });
  });

  it('reports a location that only grew while sampled, whatever its size, with goroutines per hour', () => {
    const j = judge([{ samples: series(10, 20, 30) }], 10_000);
    expect(j.suspects).toHaveLength(1);
    expect(j.suspects[0]).toMatchObject({ function: 'main.sub', count: 30, reasons: ['growth'] });
    // 20 goroutines in 20 minutes.
    expect(j.suspects[0]?.growthPerHour).toBeCloseTo(60);
  });

  it('sums growth over the instances where it grows', () => {
    const j = judge(
      [{ samples: series(10, 20, 30) }, { samples: series(5, 5, 5) }, { samples: series(1, 2, 3) }],
      10_000,
    );
    expect(j.suspects[0]).toMatchObject({ count: 38, instances: 3 });
    expect(j.suspects[0]?.growthPerHour).toBeCloseTo(66);
  });
});

describe('growthRates', () => {
  it('needs three samples, a count that never drops, and ends higher than it started', () => {
    const rate = (...counts: number[]): number | undefined =>
      growthRates(series(...counts)).get(locationKey('main.sub', '/srv/main.go', 9));
    expect(rate(10, 20)).toBeUndefined();
    expect(rate(10, 10, 10)).toBe(0);
    expect(rate(10, 30, 20)).toBe(0);
    expect(rate(10, 10, 40)).toBeCloseTo(90);
    expect(rate(0, 5, 5, 9)).toBeCloseTo(18);
    expect(rate(30, 0, 0)).toBe(0);
  });

  it('judges real snapshots: a steady pool is not growth', () => {
    const t = tallyRecorded('service-debug2.txt');
    const rates = growthRates([0, 1, 2].map((i) => ({ takenAtMs: i * 1000, tally: t })));
    expect([...rates.values()].every((r) => r === 0)).toBe(true);
    expect(judge([{ samples: [0, 1, 2].map((i) => ({ takenAtMs: i * 1000, tally: t })) }], 10_000).suspects).toEqual(
      [],
    );
  });
});

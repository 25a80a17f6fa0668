// Growth over samples: a pool holds steady, a leak only climbs. LeakProf judges one snapshot
// against a threshold; a climbing count is a leak whatever its size, so it is judged apart.
import type { SnapshotTally } from './profile-types.js';

/** Samples needed before a count can be said to only grow: two points are one step, too easily noise. */
export const MIN_GROWTH_SAMPLES = 3;

/** One sample of one instance. */
export interface Sample {
  takenAtMs: number;
  tally: SnapshotTally;
}

/**
 * Goroutines per hour at each location whose count never drops from one sample to the next
 * and ends higher than it started; 0 for the other locations seen; an empty map with fewer
 * than MIN_GROWTH_SAMPLES samples. A location missing from a sample counts 0 there.
 */
export function growthRates(samples: readonly Sample[]): Map<string, number> {
  const rates = new Map<string, number>();
  if (samples.length < MIN_GROWTH_SAMPLES) return rates;
  const first = samples[0] as Sample;
  const last = samples[samples.length - 1] as Sample;
  const hours = (last.takenAtMs - first.takenAtMs) / 3_600_000;
  const keys = new Set<string>();
  for (const s of samples) for (const k of s.tally.locations.keys()) keys.add(k);
  for (const key of keys) {
    const counts = samples.map((s) => s.tally.locations.get(key)?.count ?? 0);
    const grows = counts.every((c, i) => i === 0 || c >= (counts[i - 1] as number));
    const rise = (counts[counts.length - 1] as number) - (counts[0] as number);
    rates.set(key, grows && rise > 0 && hours > 0 ? rise / hours : 0);
  }
  return rates;
}

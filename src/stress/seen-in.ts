// Pure: in how many rounds each finding appeared. A goroutine belongs to the round of the
// first test goroutine along its creator chain (itself, its creator, the creator's creator…,
// as GODEBUG=tracebackancestors prints them). The check folds only goroutines with the same
// creator chain, so one stack per group is enough to place every goroutine of the group.
import type { Dump, Finding, Goroutine } from '../model.js';

/** The round a goroutine was started in, or undefined when no test goroutine is in its chain. */
export function roundOfGoroutine(g: Goroutine, roundOf: ReadonlyMap<number, number>): number | undefined {
  const chain = [g.id, g.createdBy?.goroutine];
  for (const a of g.ancestors) chain.push(a.goroutine, a.createdBy?.goroutine);
  for (const id of chain) {
    const round = id === undefined ? undefined : roundOf.get(id);
    if (round !== undefined) return round;
  }
  return undefined;
}

/**
 * For each finding, the number of distinct rounds its goroutines were started in; a finding
 * none of whose goroutines can be placed (started outside any test) counts as seen once.
 */
export function roundsPerFinding(
  findings: readonly Finding[],
  dumps: readonly Dump[],
  roundOf: ReadonlyMap<number, number>,
): number[] {
  const roundById = new Map<number, number>();
  for (const dump of dumps) {
    for (const g of dump.goroutines) {
      const round = roundOfGoroutine(g, roundOf);
      if (round === undefined) continue;
      for (const id of g.folded?.ids ?? [g.id]) roundById.set(id, round);
    }
  }
  return findings.map((f) => {
    const rounds = new Set<number>();
    for (const id of f.goroutineIds) {
      const round = roundById.get(id);
      if (round !== undefined) rounds.add(round);
    }
    return Math.max(1, rounds.size);
  });
}

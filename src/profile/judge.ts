// LeakProf's judgement over all instances of a service: goroutines blocked at one user-code
// location are added up across instances; the location is a suspect when the total reaches
// the threshold, when it only grew while sampled, or when the GC proved its goroutines leaked.
import { growthRates, type Sample } from './growth.js';
import type { LocationTally, SnapshotTally, StackFrame } from './profile-types.js';

/** LeakProf's published threshold: 10,000 goroutines blocked at one location (Saioc et al., CGO 2024). */
export const DEFAULT_THRESHOLD = 10_000;

/** What one instance gave: its samples in time order, and its goroutineleak profile when read. */
export interface InstanceData {
  samples: Sample[];
  leakProfile?: SnapshotTally;
}

/** Why a location is a suspect. */
export type SuspectReason = 'threshold' | 'growth' | 'proven';

/** A blocking location reported to the user. */
export interface Suspect {
  count: number;
  instances: number;
  state: string;
  function: string;
  file: string;
  line: number;
  maxWaitMinutes?: number;
  /** Goroutines per hour summed over instances where it only grew; 0 sampled but not growing; undefined not sampled. */
  growthPerHour?: number;
  provenCount: number;
  reasons: SuspectReason[];
  stack: StackFrame[];
  createdBy?: StackFrame;
}

/** Totals over the last sample of every instance. */
export interface Judgement {
  suspects: Suspect[];
  goroutines: number;
  ignored: number;
  notSuspect: number;
  /** Goroutines blocked on channel or sync operations in user code, suspect or not. */
  blocked: number;
}

/** Judges the instances; suspects ranked by count, then growth, then location. */
export function judge(instances: readonly InstanceData[], threshold: number): Judgement {
  const merged = new Map<string, Merged>();
  const out: Judgement = { suspects: [], goroutines: 0, ignored: 0, notSuspect: 0, blocked: 0 };
  for (const inst of instances) {
    const last = inst.samples[inst.samples.length - 1];
    if (last === undefined) continue;
    out.goroutines += last.tally.goroutines;
    out.ignored += last.tally.ignored;
    out.notSuspect += last.tally.notSuspect;
    const rates = inst.samples.length > 1 ? growthRates(inst.samples) : undefined;
    const keys = new Set([
      ...last.tally.locations.keys(),
      ...(rates?.keys() ?? []),
      ...(inst.leakProfile?.locations.keys() ?? []),
    ]);
    for (const key of keys) {
      const here = last.tally.locations.get(key);
      const proof = inst.leakProfile?.locations.get(key);
      const shown = here ?? proof ?? findLocation(inst.samples, key);
      if (shown === undefined) continue;
      let m = merged.get(key);
      if (m === undefined) {
        m = { first: shown, count: 0, instances: 0, proven: 0, states: new Map(), shownCount: -1 };
        merged.set(key, m);
      }
      const proven = Math.max(here?.proven ?? 0, proof?.count ?? 0);
      const count = Math.max(here?.count ?? 0, proven);
      m.count += count;
      m.proven += proven;
      if (count > 0) m.instances++;
      for (const [s, n] of (here ?? proof)?.states ?? []) m.states.set(s, (m.states.get(s) ?? 0) + n);
      const wait = here?.maxWaitMinutes;
      if (wait !== undefined && wait > (m.maxWait ?? -1)) m.maxWait = wait;
      const rate = rates?.get(key);
      if (rates !== undefined) m.growth = (m.growth ?? 0) + (rate ?? 0);
      if (count > m.shownCount) {
        m.first = shown;
        m.shownCount = count;
      }
    }
  }
  for (const m of merged.values()) {
    out.blocked += m.count;
    const reasons: SuspectReason[] = [];
    if (m.count >= threshold) reasons.push('threshold');
    if ((m.growth ?? 0) > 0) reasons.push('growth');
    if (m.proven > 0) reasons.push('proven');
    if (reasons.length > 0) out.suspects.push(toSuspect(m, reasons));
  }
  out.suspects.sort(compareSuspects);
  return out;
}

interface Merged {
  first: LocationTally;
  shownCount: number;
  count: number;
  instances: number;
  proven: number;
  states: Map<string, number>;
  maxWait?: number;
  growth?: number;
}

function findLocation(samples: readonly Sample[], key: string): LocationTally | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const loc = samples[i]?.tally.locations.get(key);
    if (loc !== undefined) return loc;
  }
  return undefined;
}

function toSuspect(m: Merged, reasons: SuspectReason[]): Suspect {
  const s: Suspect = {
    count: m.count,
    instances: m.instances,
    state: commonest(m.states),
    function: m.first.function,
    file: m.first.file,
    line: m.first.line,
    provenCount: Math.min(m.proven, m.count),
    reasons,
    stack: m.first.stack,
  };
  if (m.maxWait !== undefined) s.maxWaitMinutes = m.maxWait;
  if (m.growth !== undefined) s.growthPerHour = m.growth;
  if (m.first.createdBy !== undefined) s.createdBy = m.first.createdBy;
  return s;
}

// The state most goroutines there are in; ties go to the alphabetically first for stable output.
function commonest(states: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [s, n] of [...states].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  return best;
}

function compareSuspects(a: Suspect, b: Suspect): number {
  if (a.count !== b.count) return b.count - a.count;
  if ((a.growthPerHour ?? 0) !== (b.growthPerHour ?? 0)) return (b.growthPerHour ?? 0) - (a.growthPerHour ?? 0);
  if (a.function !== b.function) return a.function < b.function ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

// Shapes shared by the profile stages: read → classify → aggregate → judge → report.
// Plain data, so every stage stays pure and testable.

/** One stack frame as every profile format can give it (no arguments: pprof has none). */
export interface StackFrame {
  func: string;
  file: string;
  line: number;
}

/** Identical goroutines of one profile: a pprof sample, a debug=1 record, or one goroutine of a dump. */
export interface GoroutineGroup {
  count: number;
  /** Wait reason as Go prints it (`chan send`), or as inferred from runtime frames; `''` when unknown. */
  state: string;
  /** `, N minutes` in a debug=2 header; absent when blocked under a minute or not given. */
  waitMinutes?: number;
  /** Innermost first, runtime frames included when the format keeps them. */
  frames: StackFrame[];
  createdBy?: StackFrame;
  /** The GC proved these goroutines can never run again (goroutineleak profile, or `(leaked)`). */
  leakedByGc: boolean;
}

/** The format a profile came in, as reports name it. */
export type ProfileFormat = 'pprof' | 'debug=1' | 'debug=2';

/** Receives the groups of a profile as the reader finds them; none are kept by the readers. */
export type GroupSink = (group: GoroutineGroup) => void;

/** What a read profile was, once its groups went to the sink. */
export interface ReadProfile {
  format: ProfileFormat;
  /** `goroutineleak`: every goroutine in it was proven leaked by the GC. */
  kind: 'goroutine' | 'goroutineleak';
  /** Lines or records the reader skipped, counted; the first few kept for --verbose. */
  warnings: Warnings;
}

/** Skipped lines: how many, and the first few. */
export interface Warnings {
  count: number;
  first: string[];
}

// How many skipped lines are described; the rest are only counted.
const KEPT_WARNINGS = 10;

/** Counts a skipped line, keeping its description while few are kept. */
export function addWarning(w: Warnings, text: string): void {
  w.count++;
  if (w.first.length < KEPT_WARNINGS) w.first.push(text);
}

/** Goroutines of one snapshot blocked at one user-code location. */
export interface LocationTally {
  function: string;
  file: string;
  line: number;
  count: number;
  /** Goroutines per state at this location (usually one state). */
  states: Map<string, number>;
  maxWaitMinutes?: number;
  /** Goroutines here that the GC proved leaked. */
  proven: number;
  /** Frames of the most common stack here, from the blocking user frame's caller chain, runtime frames dropped. */
  stack: StackFrame[];
  createdBy?: StackFrame;
  /** Goroutines with exactly `stack`, to keep the most common one. */
  stackCount: number;
}

/** What one snapshot of one instance amounts to. */
export interface SnapshotTally {
  goroutines: number;
  /** Dropped by built-in or user ignore rules. */
  ignored: number;
  /** Running, in IO wait, sleeping, or blocked only inside the runtime or standard library. */
  notSuspect: number;
  /** Blocked in a channel or sync operation at user code, by location key (see locationKey). */
  locations: Map<string, LocationTally>;
}

/** Key of a blocking location: function and file:line. */
export function locationKey(func: string, file: string, line: number): string {
  return `${func}\n${file}:${line}`;
}

// The baseline stage's public surface.

/** Data shapes. */
export type { Baseline, BaselineEntry, RunScope } from './types.js';
/** Text → data. */
export { parseBaseline } from './parse-baseline.js';
/** Data → text. */
export { serializeBaseline } from './serialize-baseline.js';
/** Building a baseline from a run. */
export { buildBaseline } from './build-baseline.js';
/** Applying it to a run, and dropping stale entries. */
export { applyBaseline, pruneBaseline } from './apply-baseline.js';
/** The run scope that decides what can be stale. */
export { runScopeOf } from './scope.js';
/** Disk I/O. */
export { readBaseline, writeBaseline } from './baseline-file.js';

// The baseline stage's public surface.

/** Data shapes. */
export type { Baseline, BaselineEntry, RunScope } from './types.js';
/** Text ↔ data. */
export { parseBaseline } from './parse-baseline.js';
export { serializeBaseline } from './serialize-baseline.js';
/** Building, applying and pruning. */
export { buildBaseline, entryFromFinding } from './build-baseline.js';
export { applyBaseline, pruneBaseline } from './apply-baseline.js';
/** The run scope that decides what can be stale. */
export { runScopeOf, isCovered } from './scope.js';
/** Disk I/O. */
export { readBaseline, writeBaseline } from './baseline-file.js';

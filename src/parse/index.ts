// The parse stage's public surface: goroutine dumps and the go test -json stream.

/** Goroutine dump text → goroutines and warnings. */
export { parseDump } from './goroutine-dump.js';
/** One stream line → event or warning, and the guard telling them apart. */
export { parseEventLine, isParseWarning } from './event-line.js';
/** A run's line parser: parseEventLine, faster for the output events of a test it has seen. */
export { createEventParser } from './event-parser.js';
/** The streaming fold of events into package runs. */
export { createRunFold } from './run-fold.js';
/** Joins the check's results files with the stream's view of a package. */
export { applyResults, type PackageResults, type RunContext } from './apply-results.js';
/** The check's folded goroutine groups → a Dump. */
export { parseFoldedDump } from './folded-dump.js';

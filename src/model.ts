// Shared data shapes passed between the stages: resolve → overlay → run → parse → classify → report.
// Everything here is plain data (JSON-serialisable), so stages stay pure and testable. The shapes
// live in src/model/, by what they describe; every stage imports them from here.

/** go list, the go test -json stream, test results and the check's verdict. */
export type * from './model/go-test.js';
/** Goroutines of a traceback dump. */
export type * from './model/dump.js';
/** Ignore rules, attributions, leak sites and stale baseline entries. */
export type * from './model/findings.js';
/** Package reports, the summary and the whole run's report. */
export type * from './model/report.js';

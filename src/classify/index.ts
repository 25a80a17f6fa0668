// The classify stage's public surface.

/** Dump → findings, and the context it needs. */
export { classifyDump, type ClassifyContext, type ClassifyResult } from './classify-dump.js';
/** Package run + dumps → package report, and the status helpers baselines reuse. */
export { toPackageReport, type PackageContext } from './package-report.js';
/** Totals and exit code. */
export { summarize, exitCodeFor } from './summary.js';
/** The built-in ignore list (the overlay stage embeds it in the binary) and the check-goroutine test. */
export { BUILTIN_IGNORES } from './builtin-ignores.js';

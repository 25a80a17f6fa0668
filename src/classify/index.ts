// The classify stage's public surface.

/** Dump → findings, and the context it needs. */
export { classifyDump, type ClassifyContext, type ClassifyResult } from './classify-dump.js';
/** Package run + dumps → package report, and the status helpers baselines reuse. */
export { toPackageReport, leakStatus, hasNewLeaks, type PackageContext, type PackageDumps } from './package-report.js';
/** Totals and exit code. */
export { summarize, exitCodeFor } from './summary.js';
/** Attribution of one goroutine, and the name reports and baselines use for it. */
export { attribute, type AttributionContext } from './attribute.js';
export { attributionName, PACKAGE_LEVEL, UNKNOWN_TEST } from './attribution-name.js';
/** The built-in ignore list (the overlay stage embeds it in the binary) and the check-goroutine test. */
export { BUILTIN_IGNORES, isOwnCheckGoroutine } from './builtin-ignores.js';
/** Ignore rule and Go package pattern matching. */
export { matchesRule, matchesFunc, matchesPackagePattern, rulesForPackage } from './match-rule.js';
/** The frame a user recognises, shared with reporters. */
export { topFunction, isRuntimeInternal } from './top-function.js';
/** Stable leak identity. */
export { fingerprint, stackShape } from './fingerprint.js';
/** Go's subtest name rewriting. */
export { rewriteSubtestName } from './subtest-name.js';

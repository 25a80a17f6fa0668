// The classify stage's public surface.

/** Dump → findings, and the context it needs. */
export { classifyDump, type ClassifyContext, type ClassifyResult } from './classify-dump.js';
/** Package run + dumps → package report, and the status helpers baselines reuse. */
export { toPackageReport, leakStatus, hasNewLeaks, type PackageContext, type PackageDumps } from './package-report.js';
/** Totals and exit code. */
export { summarize, exitCodeFor } from './summary.js';
/** Attribution of one goroutine, and the name reports and baselines use for it. */
export { attribute, attributionName, type AttributionContext } from './attribute.js';
/** Ignore rules: the built-in list and the matchers (the overlay stage embeds them in the binary). */
export { BUILTIN_IGNORES, isOwnCheckGoroutine } from './builtin-ignores.js';
export { matchesRule, matchesFunc, matchesPackagePattern, rulesForPackage } from './match-rule.js';
/** Stack helpers shared with reporters. */
export { topFunction, isRuntimeInternal } from './top-function.js';
export { fingerprint, stackShape } from './fingerprint.js';
export { rewriteSubtestName } from './subtest-name.js';

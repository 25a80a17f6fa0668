// The human report on the terminal or in a CI log.
import type { Colors } from 'picocolors/types.js';
import type { PackageReport, RunReport } from '../model.js';
import { consolePackage } from './console-package.js';
import { baselineInUse, plural } from './labels.js';
import { formatSummaryLine } from './summary-line.js';

/** Options of the console reporter; colours come in as a picocolors `createColors(enabled)`. */
export interface ConsoleOptions {
  color: Colors;
  /** Show passing packages, every stack frame and known leaks in full. */
  verbose: boolean;
  /** Repository root when it differs from the module directory; paths are shown relative to it. */
  repoRoot?: string;
}

/**
 * The full console report: one block per package worth reading, stale baseline entries,
 * then the summary line. Passing and test-less packages without findings are left out
 * unless verbose, so a large clean run prints only its summary.
 */
export function formatConsole(report: RunReport, opts: ConsoleOptions): string {
  const c = opts.color;
  const findings = report.packages.flatMap((p) => p.leaks);
  const style = {
    color: c,
    verbose: opts.verbose,
    paths: { moduleDir: report.module.dir, repoRoot: opts.repoRoot },
    showBaseline: baselineInUse(findings, report.stale.length),
  };
  const blocks = report.packages
    .filter((p) => opts.verbose || worthShowing(p))
    .map((p) => consolePackage(p, style).join('\n'));
  if (report.stale.length > 0) {
    const head = c.yellow(
      `${plural(report.stale.length, 'stale baseline entry')} (no longer leaking; remove from the baseline):`,
    );
    const entries = report.stale.map((s) => `  ${s.package} ${s.tests.join(', ')}: ${s.summary} [${s.fingerprint}]`);
    blocks.push([head, ...entries].join('\n'));
  }
  const summary = formatSummaryLine(report);
  blocks.push(report.exitCode === 0 ? c.green(summary) : c.bold(c.red(summary)));
  return `${blocks.join('\n')}\n`;
}

function worthShowing(pkg: PackageReport): boolean {
  const quiet = pkg.status === 'passed' || pkg.status === 'no-tests';
  return !quiet || pkg.leaks.length > 0 || pkg.warnings.length > 0 || pkg.failures.length > 0;
}

// Markdown for $GITHUB_STEP_SUMMARY: packages with leaks, then one row per finding.
import type { PackageReport, RunReport } from '../model.js';
import { creationSite } from './console-finding.js';
import { baselineInUse, plural, shortFunction, stateLabel, testsLabel } from './labels.js';
import { cell, codeCell } from './markdown.js';
import type { PathContext } from './paths.js';
import { formatSummaryLine } from './summary-line.js';

/** GitHub rejects a step summary over 1 MiB; stay below it with room for a little more. */
export const STEP_SUMMARY_MAX_BYTES = 1_000_000;

// Room kept for the truncation note itself.
const NOTE_RESERVE = 512;

// Tests named in a row; a site leaked by more says how many more (the JSON report lists all).
const SUMMARY_TESTS = 10;

/** Options of the step summary. */
export interface StepSummaryOptions {
  repoRoot?: string;
  /** Byte budget; defaults to STEP_SUMMARY_MAX_BYTES. */
  maxBytes?: number;
}

/** The step summary; cut at a row boundary with a note when it would pass the budget. */
export function formatStepSummary(report: RunReport, opts: StepSummaryOptions): string {
  const paths: PathContext = { moduleDir: report.module.dir, repoRoot: opts.repoRoot };
  const budget = (opts.maxBytes ?? STEP_SUMMARY_MAX_BYTES) - NOTE_RESERVE;
  const chunks: string[] = [];
  let used = 0;
  const add = (text: string): boolean => {
    const size = Buffer.byteLength(text, 'utf8');
    if (used + size > budget) return false;
    chunks.push(text);
    used += size;
    return true;
  };
  const findings = report.packages.flatMap((p) => p.leaks);
  const withBaseline = baselineInUse(findings, report.stale.length);
  const leaky = report.packages.filter((p) => p.leaks.length > 0);
  let shown = 0;
  const cols = withBaseline
    ? ['Tests', 'Count', 'State', 'Function', 'Created at', 'Baseline']
    : ['Tests', 'Count', 'State', 'Function', 'Created at'];
  const align = `| --- | ---: |${' --- |'.repeat(cols.length - 2)}`;
  // Each table row is added on its own, so a cut always falls between rows.
  const packageTable = (pkg: PackageReport): boolean =>
    add(`\n### ${codeCell(pkg.importPath)}\n\n| ${cols.join(' | ')} |\n${align}\n`) &&
    pkg.leaks.every((f) => {
      const row = [
        cell(testsLabel(f, SUMMARY_TESTS)),
        String(f.count),
        cell(stateLabel(f)),
        codeCell(shortFunction(f.topFunction)),
        codeCell(creationSite(f, paths) ?? ''),
      ];
      if (withBaseline) row.push(f.baseline ?? '');
      const added = add(`| ${row.join(' | ')} |\n`);
      if (added) shown += 1;
      return added;
    });
  const head = `## goleak-run: ${report.exitCode === 0 ? 'passed' : 'failed'}\n\n\`${formatSummaryLine(report)}\`\n`;
  const complete =
    [head, failedPackages(report.packages), leaky.length > 0 ? overviewTable(leaky) : ''].every(add) &&
    leaky.every(packageTable) &&
    add(staleList(report));
  if (!complete) {
    chunks.push(
      `\n> [!NOTE]\n> Truncated: ${plural(findings.length - shown, 'more finding')} not shown, because GitHub caps a step summary at 1 MiB. The job log and the JSON and JUnit reports have all of them.\n`,
    );
  }
  return chunks.join('');
}

function failedPackages(packages: readonly PackageReport[]): string {
  const failed = packages.filter((p) => p.status === 'failed' || p.status === 'build-failed');
  if (failed.length === 0) return '';
  const rows = failed.map((p) => {
    const tests = p.tests.filter((t) => t.status === 'fail' || t.status === 'running').map((t) => cell(t.name));
    const why =
      p.status === 'build-failed' ? 'build failed' : tests.length > 0 ? `failed: ${tests.join(', ')}` : 'failed';
    return `- ${codeCell(p.importPath)} ${why}\n`;
  });
  return `\n### Failed packages\n\n${rows.join('')}`;
}

function overviewTable(leaky: readonly PackageReport[]): string {
  const rows = leaky.map((p) => {
    const goroutines = p.leaks.reduce((sum, f) => sum + f.count, 0);
    const known = p.leaks.filter((f) => f.baseline === 'known').length;
    return `| ${codeCell(p.importPath)} | ${p.status} | ${goroutines} | ${p.leaks.length} | ${p.leaks.length - known} | ${known} |\n`;
  });
  return `\n### Packages with leaks\n\n| Package | Status | Goroutines | Findings | New | Known |\n| --- | --- | ---: | ---: | ---: | ---: |\n${rows.join('')}`;
}

function staleList(report: RunReport): string {
  if (report.stale.length === 0) return '';
  const rows = report.stale.map(
    (s) => `- ${codeCell(s.package)} ${cell(s.tests.join(', '))}: ${cell(s.summary)} (${codeCell(s.fingerprint)})\n`,
  );
  return `\n### ${plural(report.stale.length, 'stale baseline entry')}\n\nThese no longer leak; remove them from the baseline.\n\n${rows.join('')}`;
}

// The profile report on the terminal: the sources read, one block per suspect, a summary line.
import type { Colors } from 'picocolors/types.js';
import { plural, shortFunction } from '../report/labels.js';
import type { ProfileReport, ReportFrame, ReportSource, ReportSuspect } from './profile-report.js';

// Frames shown per suspect unless verbose.
const SHORT_STACK = 4;

/** Console options: colours as a picocolors `createColors(enabled)`. */
export interface ProfileConsoleOptions {
  color: Colors;
  verbose: boolean;
}

/** The full console text, newline-terminated. */
export function formatProfileConsole(report: ProfileReport, opts: ProfileConsoleOptions): string {
  const c = opts.color;
  const lines: string[] = report.sources.map((s, i) => c.dim(sourceLine(s, i, report.sources.length)));
  if (opts.verbose) {
    for (const s of report.sources) for (const note of s.notes) lines.push(c.dim(`  ${s.source}: ${note}`));
  }
  for (const s of report.suspects) lines.push(...suspectBlock(s, report, opts));
  lines.push(summaryLine(report, c));
  return `${lines.join('\n')}\n`;
}

function sourceLine(s: ReportSource, i: number, total: number): string {
  const what = s.profile === 'goroutineleak' ? 'goroutineleak profile' : s.format;
  const parts = [what, plural(s.goroutines, 'goroutine')];
  if (s.samples > 1) parts.push(`${s.samples} samples`);
  const leak: Record<ReportSource['leakProfile'], string | undefined> = {
    read: 'goroutineleak profile read',
    'not-served': 'no goroutineleak profile served (Go 1.27+ serves it)',
    failed: 'goroutineleak profile failed',
    off: undefined,
    file: undefined,
  };
  const note = leak[s.leakProfile];
  if (note !== undefined) parts.push(note);
  if (s.warnings > 0) parts.push(`${plural(s.warnings, 'line')} skipped`);
  return `source ${i + 1}/${total}: ${s.source} (${parts.join(', ')})`;
}

function suspectBlock(s: ReportSuspect, report: ProfileReport, opts: ProfileConsoleOptions): string[] {
  const c = opts.color;
  const instances = `${s.instances} of ${plural(report.summary.instances, 'instance')}`;
  const head = `${c.bold(c.red(`SUSPECT ${s.rank}`))} ${c.bold(`×${s.count}`)} ${s.state || 'unknown state'} in ${instances}`;
  const lines = [head, `  at      ${c.cyan(`${s.location.file}:${s.location.line}`)} ${shortFunction(s.function)}`];
  lines.push(`  waiting ${waitText(s, report)}`);
  lines.push(`  growth  ${growthText(s)}`);
  lines.push(`  proof   ${proofText(s, report)}`);
  const shown = opts.verbose ? s.stack : s.stack.slice(0, SHORT_STACK);
  for (const [i, f] of shown.entries()) lines.push(...frameLines(i === 0 ? '  stack   ' : INDENT, f.function, f, c));
  const hidden = s.stack.length - shown.length;
  if (hidden > 0) lines.push(c.dim(`${INDENT}… ${plural(hidden, 'more frame')}`));
  if (s.createdBy) lines.push(...frameLines(INDENT, `created by ${s.createdBy.function}`, s.createdBy, c));
  return lines;
}

const INDENT = ' '.repeat(10);

function frameLines(prefix: string, title: string, f: ReportFrame, c: Colors): string[] {
  return [`${prefix}${title}`, c.dim(`${INDENT}    ${f.file}:${f.line}`)];
}

function waitText(s: ReportSuspect, report: ProfileReport): string {
  if (s.maxWaitMinutes !== null) return `up to ${plural(s.maxWaitMinutes, 'minute')}`;
  // Only debug=2 headers carry minutes, and only from the first whole minute on.
  if (report.sources.every((src) => src.format === 'debug=2')) return 'under a minute';
  return 'under a minute, or not given by this profile form (debug=2 gives it)';
}

function growthText(s: ReportSuspect): string {
  if (s.growthPerHour === null) return 'not sampled (--samples 3 or more with --interval)';
  if (s.growthPerHour === 0) return 'not growing while sampled';
  return `+${s.growthPerHour} goroutines/hour, only growing while sampled`;
}

function proofText(s: ReportSuspect, report: ProfileReport): string {
  if (s.provenByGc) return `proven leaked by the GC: ${s.provenCount} of ${s.count}`;
  // The GC proves only goroutines nothing runnable can reach; the others may leak all the same.
  if (report.sources.some((src) => src.leakProfile === 'read'))
    return 'not proven: the goroutineleak profile does not list them';
  return 'not proven: no goroutineleak profile read (Go 1.27+ serves one)';
}

function summaryLine(report: ProfileReport, c: Colors): string {
  const sum = report.summary;
  const where = `${plural(sum.goroutines, 'goroutine')} from ${plural(sum.instances, 'instance')}, threshold ${report.threshold}`;
  if (report.suspects.length === 0) return c.green(`goleak-run profile: no suspects in ${where}`);
  const suspected = report.suspects.reduce((n, s) => n + s.count, 0);
  return c.bold(
    c.red(
      `goleak-run profile: ${plural(report.suspects.length, 'suspect')} (${plural(suspected, 'goroutine')}) in ${where}`,
    ),
  );
}

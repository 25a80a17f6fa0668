// Writes every requested report: console to the terminal, files atomically, GitHub output where asked.
import { createColors } from 'picocolors';
import type { RunReport } from '../model.js';
import { formatConsole } from '../report/format-console.js';
import { appendStepSummary, writeReportFile } from '../report/write-report-file.js';
import type { Settings } from './settings.js';

/** Where the reports go. */
export interface ReportSinks {
  stdout: { write: (s: string) => unknown };
  stderr: { write: (s: string) => unknown };
  color: boolean;
  repoRoot: string;
}

/**
 * Emits the console report and every file report the settings ask for. Reporters other than
 * the console are imported on demand: junit-report-builder and yaml cost a noticeable share of
 * start-up, which every run pays, even a fully cached one.
 */
export async function emitReports(report: RunReport, settings: Settings, sinks: ReportSinks): Promise<void> {
  const repoRoot = sinks.repoRoot;
  // With TAP on stdout, stdout must hold TAP only: the human report moves to stderr.
  const human = settings.tap === '-' ? sinks.stderr : sinks.stdout;
  // The console names sites relative to the module, as go test users read them; CI formats use the repo root.
  human.write(formatConsole(report, { color: createColors(sinks.color), verbose: settings.verbose }));
  if (settings.githubAnnotations) {
    const { formatGithubAnnotations } = await import('../report/format-github-annotations.js');
    sinks.stdout.write(formatGithubAnnotations(report, { repoRoot }));
  }
  const writes: Array<Promise<void>> = [];
  if (settings.json !== undefined) {
    const { formatJson } = await import('../report/format-json.js');
    writes.push(writeReportFile(settings.json, formatJson(report)));
  }
  if (settings.junit !== undefined) {
    const { formatJunit } = await import('../report/format-junit.js');
    writes.push(writeReportFile(settings.junit, formatJunit(report, { repoRoot })));
  }
  if (settings.tap !== undefined) {
    const { formatTap } = await import('../report/format-tap.js');
    if (settings.tap === '-') sinks.stdout.write(formatTap(report));
    else writes.push(writeReportFile(settings.tap, formatTap(report)));
  }
  if (settings.stepSummary !== undefined) {
    const { formatStepSummary } = await import('../report/format-step-summary.js');
    writes.push(appendStepSummary(settings.stepSummary, formatStepSummary(report, { repoRoot })));
  }
  await Promise.all(writes);
}

// Writes every requested report: console to the terminal, files atomically, GitHub output where asked.
import { createColors } from 'picocolors';
import type { RunReport } from '../model.js';
import { formatConsole } from '../report/format-console.js';
import { formatGithubAnnotations } from '../report/format-github-annotations.js';
import { formatJson } from '../report/format-json.js';
import { formatJunit } from '../report/format-junit.js';
import { formatStepSummary } from '../report/format-step-summary.js';
import { formatTap } from '../report/format-tap.js';
import { appendStepSummary, writeReportFile } from '../report/write-report-file.js';
import type { Settings } from './settings.js';

/** Where the reports go. */
export interface ReportSinks {
  stdout: { write: (s: string) => unknown };
  stderr: { write: (s: string) => unknown };
  color: boolean;
  repoRoot: string;
}

/** Emits the console report and every file report the settings ask for. */
export async function emitReports(report: RunReport, settings: Settings, sinks: ReportSinks): Promise<void> {
  const repoRoot = sinks.repoRoot;
  // With TAP on stdout, stdout must hold TAP only: the human report moves to stderr.
  const human = settings.tap === '-' ? sinks.stderr : sinks.stdout;
  // The console names sites relative to the module, as go test users read them; CI formats use the repo root.
  human.write(formatConsole(report, { color: createColors(sinks.color), verbose: settings.verbose }));
  if (settings.githubAnnotations) sinks.stdout.write(formatGithubAnnotations(report, { repoRoot }));
  const writes: Array<Promise<void>> = [];
  if (settings.json !== undefined) writes.push(writeReportFile(settings.json, formatJson(report)));
  if (settings.junit !== undefined) writes.push(writeReportFile(settings.junit, formatJunit(report, { repoRoot })));
  if (settings.tap === '-') sinks.stdout.write(formatTap(report));
  else if (settings.tap !== undefined) writes.push(writeReportFile(settings.tap, formatTap(report)));
  if (settings.stepSummary !== undefined) {
    writes.push(appendStepSummary(settings.stepSummary, formatStepSummary(report, { repoRoot })));
  }
  await Promise.all(writes);
}

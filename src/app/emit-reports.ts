// Writes every requested report: the console and stream reporters to the human stream, file reporters
// to their destination (files atomically), with at most one reporter owning stdout.
import { createColors } from 'picocolors';
import type { RunReport } from '../model.js';
import { formatConsole } from '../report/format-console.js';
import { appendStepSummary, writeReportFile } from '../report/write-report-file.js';
import type { CommandDeps } from './command-deps.js';
import type { Settings } from './settings.js';
import { colorEnabled } from './terminal.js';

/** Where the reports go. */
export interface ReportSinks {
  stdout: { write: (s: string) => unknown };
  stderr: { write: (s: string) => unknown };
  color: boolean;
  repoRoot: string;
}

/** The sinks of a command writing to the terminal: colour as the user, the environment and the TTY say. */
export function terminalSinks(
  deps: Pick<CommandDeps, 'stdout' | 'stderr' | 'env'>,
  colorChoice: boolean | undefined,
  repoRoot: string,
): ReportSinks {
  const color = colorEnabled(deps.env, deps.stdout.isTTY === true, colorChoice);
  return { stdout: deps.stdout, stderr: deps.stderr, color, repoRoot };
}

// The stream people read: stdout, unless a file reporter was given `-` and owns stdout.
function humanStream(settings: Pick<Settings, 'outputs' | 'goJson'>, sinks: Pick<ReportSinks, 'stdout' | 'stderr'>) {
  const owned = settings.outputs.some((o) => o.to.kind === 'stdout') || settings.goJson?.kind === 'stdout';
  return owned ? sinks.stderr : sinks.stdout;
}

// Checked before the run, from a module of its own: main loads this one only after go test started.
export { checkReportPaths } from './report-paths.js';

/** A line go printed on stderr (or outside its JSON events), as goleak-run shows it. */
export function goWarningLine(line: string): string {
  return `goleak-run: ${line.startsWith('go: ') ? '' : 'go: '}${line}\n`;
}

/**
 * Emits, in this order: go's own warnings on stderr; the console report, then the stream
 * reporters (GitHub annotations: the Actions runner reads workflow commands on stdout and
 * stderr alike), both on the human stream; then each file reporter, to its file or, for the one
 * given `-`, alone on stdout. Reporters other than the console are imported on demand: their
 * libraries cost start-up time.
 */
export async function emitReports(
  report: RunReport,
  settings: Pick<Settings, 'outputs' | 'streams' | 'verbose' | 'goJson'>,
  sinks: ReportSinks,
): Promise<void> {
  for (const line of report.warnings) sinks.stderr.write(goWarningLine(line));
  const human = humanStream(settings, sinks);
  const ctx = { repoRoot: sinks.repoRoot };
  // The console names sites relative to the module, as go test users read them; CI formats use the repo root.
  // With the go test -json stream on stdout, the tool reading it (gotestsum) shows the results and
  // takes everything on stderr for errors: the console report would only repeat them as such.
  if (settings.goJson?.kind !== 'stdout') {
    human.write(formatConsole(report, { color: createColors(sinks.color), verbose: settings.verbose }));
  }
  for (const reporter of settings.streams) human.write((await reporter.load())(report, ctx));
  const writes: Array<Promise<void>> = [];
  for (const { reporter, to } of settings.outputs) {
    const text = (await reporter.load())(report, ctx);
    if (to.kind === 'stdout') sinks.stdout.write(text);
    else writes.push(reporter.append ? appendStepSummary(to.path, text) : writeReportFile(to.path, text));
  }
  await Promise.all(writes);
}

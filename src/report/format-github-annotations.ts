// GitHub Actions error annotations for new leaks, build errors and failing tests.
import type { Finding, RunReport } from '../model.js';
import { findingMessage } from './finding-details.js';
import { findingLocation } from './finding-location.js';
import { findingTitle, locatedAtGoStatement, plural } from './labels.js';
import { repoRelative, displayPath, type PathContext } from './paths.js';
import { buildErrorLocations, testLogLocation } from './source-locations.js';
import { outputLines, plainText } from './text-clean.js';
import { workflowCommand } from './workflow-command.js';

/** GitHub shows at most 10 error annotations per step (and 50 per job); more are dropped. */
export const GITHUB_MAX_ERRORS_PER_STEP = 10;

// Frames and output lines kept in one annotation: enough to act on, short enough to read.
const MESSAGE_FRAMES = 5;
const MESSAGE_LINES = 40;

/** Options of the annotation reporter. */
export interface AnnotationOptions {
  /** Repository root (GITHUB_WORKSPACE) when it differs from the module directory. */
  repoRoot?: string;
  maxAnnotations?: number;
}

interface Annotation {
  file?: string;
  line?: number;
  title: string;
  message: string;
}

/**
 * `::error` commands, new leaks first (the reason this tool runs), then build errors, then
 * failing tests that logged a `file:line`; known leaks are not annotated. Past the limit,
 * one plain line says how many were left out.
 */
export function formatGithubAnnotations(report: RunReport, opts: AnnotationOptions): string {
  const paths: PathContext = { moduleDir: report.module.dir, repoRoot: opts.repoRoot };
  const all = [
    ...leakAnnotations(report, paths),
    ...buildAnnotations(report, paths),
    ...testAnnotations(report, paths),
  ];
  const max = opts.maxAnnotations ?? GITHUB_MAX_ERRORS_PER_STEP;
  const lines = all
    .slice(0, max)
    .map((a) => workflowCommand('error', { file: a.file, line: a.line, title: a.title }, a.message));
  if (all.length > max) {
    lines.push(
      `goleak-run: ${plural(all.length - max, 'more problem')} not annotated (GitHub shows ${max} error annotations per step); the log and the step summary list all of them`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function leakAnnotations(report: RunReport, paths: PathContext): Annotation[] {
  return report.packages.flatMap((pkg) =>
    pkg.leaks
      .filter((f) => f.baseline !== 'known')
      .map((f) => ({
        ...findingLocation(f, paths),
        title: `goroutine leak: ${findingTitle(f)}`,
        message: leakMessage(f, paths),
      })),
  );
}

function leakMessage(f: Finding, paths: PathContext): string {
  const frames = f.stack
    .slice(0, MESSAGE_FRAMES)
    .map((fr) => `  ${fr.func}  ${displayPath(fr.file, paths)}:${fr.line}`);
  const more = f.stack.length > MESSAGE_FRAMES ? [`  … ${plural(f.stack.length - MESSAGE_FRAMES, 'more frame')}`] : [];
  const go = f.goStatement ? ` at ${displayPath(f.goStatement.file, paths)}:${f.goStatement.line}` : '';
  const by = f.createdBy
    ? [locatedAtGoStatement(f) ? `created by ${f.createdBy}` : `started by ${f.createdBy}${go}`]
    : [];
  return [`${findingMessage(f, paths)} in package ${f.package}`, ...by, ...frames, ...more].join('\n');
}

function buildAnnotations(report: RunReport, paths: PathContext): Annotation[] {
  return report.packages
    .filter((pkg) => pkg.status === 'build-failed')
    .flatMap((pkg) =>
      pkg.failures.flatMap(buildErrorLocations).flatMap((loc) => {
        const where = located(loc.file, loc.line, paths);
        return where.file === undefined
          ? []
          : [{ ...where, title: `build failed: ${pkg.importPath}`, message: plainText(loc.message) }];
      }),
    );
}

function testAnnotations(report: RunReport, paths: PathContext): Annotation[] {
  return report.packages.flatMap((pkg) =>
    pkg.tests
      .filter((t) => t.status === 'fail')
      .flatMap((t) => {
        const lines = outputLines(t.output).map(plainText);
        const loc = testLogLocation(lines, pkg.dir);
        if (loc === undefined) return [];
        const where = located(loc.file, loc.line, paths);
        if (where.file === undefined) return [];
        const cut =
          lines.length > MESSAGE_LINES
            ? [...lines.slice(0, MESSAGE_LINES), `… ${plural(lines.length - MESSAGE_LINES, 'more line')}`]
            : lines;
        return [{ ...where, title: `test failed: ${t.name} in ${pkg.importPath}`, message: cut.join('\n') }];
      }),
  );
}

function located(file: string, line: number, paths: PathContext): { file?: string; line?: number } {
  const relative = repoRelative(file, paths);
  return relative === undefined ? {} : { file: relative, line };
}

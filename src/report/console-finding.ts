// Console rendering of one leak finding: a header, its test, its creation site, top frames.
import type { Colors } from 'picocolors/types.js';
import type { Finding } from '../model.js';
import { plural, shortFunction, stateLabel, testLabel } from './labels.js';
import { displayPath, type PathContext } from './paths.js';

/** Frames shown per finding unless verbose: enough to see where it blocks and who called it. */
export const DEFAULT_FRAMES = 3;

/** What a finding block needs besides the finding itself. */
export interface FindingStyle {
  color: Colors;
  verbose: boolean;
  paths: PathContext;
  /** A baseline is in use, so each finding shows `[new]` or `[known]`. */
  showBaseline: boolean;
}

/** The lines of one finding, indented under its package line. */
export function consoleFinding(finding: Finding, style: FindingStyle): string[] {
  const c = style.color;
  const known = finding.baseline === 'known';
  const tag = style.showBaseline && finding.baseline ? ` ${known ? c.dim('[known]') : c.red('[new]')}` : '';
  const notes = [
    finding.source === 'timeout' ? 'blocked when -timeout stopped the test' : undefined,
    finding.provenByGc ? 'proven unreachable by the GC' : undefined,
  ].filter((n): n is string => n !== undefined);
  const head = `  ${c.bold(`×${finding.count}`)} ${finding.state === '' ? 'unknown state' : stateLabel(finding)}${tag}`;
  const header = notes.length > 0 ? `${head} (${notes.join('; ')})` : head;
  const site = creationSite(finding, style.paths);
  if (known && !style.verbose) {
    // Accepted leaks stay visible but take one line each.
    return [`${header} in ${shortFunction(finding.topFunction)}, test ${testLabel(finding.attribution)}${site ? `, created at ${site}` : ''}`];
  }
  const lines = [header, `      test:       ${c.cyan(testLabel(finding.attribution))}`];
  if (site !== undefined || finding.createdBy !== undefined) {
    const by = finding.createdBy ? ` by ${finding.createdBy}` : '';
    lines.push(`      created at: ${site ?? 'unknown site'}${by}`);
  }
  const shown = style.verbose ? finding.stack : finding.stack.slice(0, DEFAULT_FRAMES);
  for (const frame of shown) {
    lines.push(`      ${frame.func}`, c.dim(`          ${displayPath(frame.file, style.paths)}:${frame.line}`));
  }
  const hidden = finding.stack.length - shown.length;
  if (hidden > 0) lines.push(c.dim(`      … ${plural(hidden, 'more frame')}`));
  return lines;
}

/** `file:line` of the `go` statement, repository-relative when inside the repository. */
export function creationSite(finding: Finding, paths: PathContext): string | undefined {
  if (finding.createdAt === undefined) return undefined;
  return `${displayPath(finding.createdAt.file, paths)}:${finding.createdAt.line}`;
}

// Console rendering of one leak finding: a header, its tests, its creation site, top frames.
import type { Colors } from 'picocolors/types.js';
import type { Finding } from '../model.js';
import {
  findingNotes,
  locatedAtGoStatement,
  OUTSIDE_MODULE,
  plural,
  shortFunction,
  stateLabel,
  testsLabel,
} from './labels.js';
import { displayPath, type PathContext } from './paths.js';

/** Frames shown per finding unless verbose: enough to see where it blocks and who called it. */
const DEFAULT_FRAMES = 3;

/** Tests named per finding unless verbose; a site leaked by many tests says how many more. */
const DEFAULT_TESTS = 5;

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
  const notes = findingNotes(finding);
  const state = finding.state === '' ? 'unknown state' : stateLabel(finding);
  const head = `  ${c.bold(`×${finding.count}`)} ${state}${tag}`;
  const header = notes.length > 0 ? `${head} (${notes.join('; ')})` : head;
  const site = creationSite(finding, style.paths);
  const tests = testsLabel(finding, style.verbose ? undefined : DEFAULT_TESTS);
  if (known && !style.verbose) {
    // Accepted leaks stay visible but take one line each.
    const which = finding.tests.length > 1 ? 'tests' : 'test';
    return [
      `${header} in ${shortFunction(finding.topFunction)}, ${which} ${tests}${site ? `, created at ${site}` : ''}`,
    ];
  }
  const lines = [header, `      ${finding.tests.length > 1 ? 'tests:      ' : 'test:       '}${c.cyan(tests)}`];
  lines.push(...siteLines(finding, style.paths));
  const shown = style.verbose ? finding.stack : finding.stack.slice(0, DEFAULT_FRAMES);
  for (const frame of shown) {
    lines.push(`      ${frame.func}`, c.dim(`          ${displayPath(frame.file, style.paths)}:${frame.line}`));
  }
  const hidden = finding.stack.length - shown.length;
  if (hidden > 0) lines.push(c.dim(`      … ${plural(hidden, 'more frame')}`));
  return lines;
}

// `created at` in the user's code, and the library function that ran `go` when that was elsewhere.
function siteLines(finding: Finding, paths: PathContext): string[] {
  const site = creationSite(finding, paths);
  if (site === undefined && finding.createdBy === undefined) return [];
  if (locatedAtGoStatement(finding)) {
    const by = finding.createdBy ? ` by ${finding.createdBy}` : '';
    const outside = finding.createdAt?.inModule === false ? ` (${OUTSIDE_MODULE})` : '';
    return [`      created at: ${site ?? 'unknown site'}${by}${outside}`];
  }
  const go = finding.goStatement
    ? ` at ${displayPath(finding.goStatement.file, paths)}:${finding.goStatement.line}`
    : '';
  return [
    `      created at: ${site} in ${finding.createdAt?.func}`,
    `      started by: ${finding.createdBy ?? 'unknown'}${go}`,
  ];
}

/** `file:line` of the finding's location in the user's code, repository-relative when inside the repository. */
export function creationSite(finding: Finding, paths: PathContext): string | undefined {
  if (finding.createdAt === undefined) return undefined;
  return `${displayPath(finding.createdAt.file, paths)}:${finding.createdAt.line}`;
}

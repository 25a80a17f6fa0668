// The plain-text description of a finding used as failure body in JUnit and in annotations.
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

/** `3 goroutines leaked by TestX: chan receive in pool.worker, created at pool/pool.go:31`. */
export function findingMessage(finding: Finding, paths: PathContext): string {
  const site = finding.createdAt
    ? `, created at ${displayPath(finding.createdAt.file, paths)}:${finding.createdAt.line}`
    : '';
  const [only] = finding.tests;
  const who =
    finding.tests.length === 1 && only?.attribution.kind !== 'test'
      ? `(${testsLabel(finding)})`
      : `by ${testsLabel(finding)}`;
  const what = `${stateLabel(finding)} in ${shortFunction(finding.topFunction)}`;
  return `${plural(finding.count, 'goroutine')} leaked ${who}: ${what}${site}`;
}

/** Multi-line details: state, tests, creation site, who ran `go`, fingerprint, then the full stack. */
export function findingDetails(finding: Finding, paths: PathContext): string {
  const notes = findingNotes(finding);
  const noted = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const lines = [
    `${plural(finding.count, 'goroutine')} in ${stateLabel(finding)}${noted}`,
    `${finding.tests.length > 1 ? 'tests' : 'test'}: ${testsLabel(finding)}`,
  ];
  const at = finding.createdAt;
  const go = finding.goStatement
    ? ` at ${displayPath(finding.goStatement.file, paths)}:${finding.goStatement.line}`
    : '';
  if (at && locatedAtGoStatement(finding)) {
    const by = finding.createdBy ? ` by ${finding.createdBy}` : '';
    lines.push(
      `created at: ${displayPath(at.file, paths)}:${at.line}${by}${at.inModule ? '' : ` (${OUTSIDE_MODULE})`}`,
    );
  } else if (at) {
    lines.push(
      `created at: ${displayPath(at.file, paths)}:${at.line} in ${at.func}`,
      `started by: ${finding.createdBy ?? 'unknown'}${go}`,
    );
  } else if (finding.createdBy) {
    lines.push(`created by: ${finding.createdBy}${go}`);
  }
  if (finding.stress) lines.push(`reproduce: ${finding.stress.reproduce}`);
  lines.push(`fingerprint: ${finding.fingerprint}`, '');
  for (const frame of finding.stack) lines.push(frame.func, `\t${displayPath(frame.file, paths)}:${frame.line}`);
  return lines.join('\n');
}

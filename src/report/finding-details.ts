// The plain-text description of a finding used as failure body in JUnit and in annotations.
import type { Finding } from '../model.js';
import { plural, shortFunction, stateLabel, testLabel } from './labels.js';
import { displayPath, type PathContext } from './paths.js';

/** `3 goroutines leaked by TestX: chan receive in pool.worker, created at pool/pool.go:31`. */
export function findingMessage(finding: Finding, paths: PathContext): string {
  const site = finding.createdAt ? `, created at ${displayPath(finding.createdAt.file, paths)}:${finding.createdAt.line}` : '';
  const who = finding.attribution.kind === 'test' ? `by ${testLabel(finding.attribution)}` : `(${testLabel(finding.attribution)})`;
  return `${plural(finding.count, 'goroutine')} leaked ${who}: ${stateLabel(finding)} in ${shortFunction(finding.topFunction)}${site}`;
}

/** Multi-line details: state, test, creation site, fingerprint, then the full stack. */
export function findingDetails(finding: Finding, paths: PathContext): string {
  const notes = [
    finding.source === 'timeout' ? 'blocked when -timeout stopped the test' : undefined,
    finding.provenByGc ? 'proven unreachable by the GC' : undefined,
  ].filter((n) => n !== undefined);
  const lines = [
    `${plural(finding.count, 'goroutine')} in ${stateLabel(finding)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
    `test: ${testLabel(finding.attribution)}`,
  ];
  if (finding.createdAt) {
    const by = finding.createdBy ? ` by ${finding.createdBy}` : '';
    lines.push(`created at: ${displayPath(finding.createdAt.file, paths)}:${finding.createdAt.line}${by}`);
  } else if (finding.createdBy) {
    lines.push(`created by: ${finding.createdBy}`);
  }
  lines.push(`fingerprint: ${finding.fingerprint}`, '');
  for (const frame of finding.stack) lines.push(frame.func, `\t${displayPath(frame.file, paths)}:${frame.line}`);
  return lines.join('\n');
}

// YAML diagnostics blocks of the TAP report: plain data per package, test and finding.
import { stringify } from 'yaml';
import type { Finding, PackageReport, TestResult } from '../model.js';
import { testLabel } from './labels.js';
import { outputLines, plainText } from './text-clean.js';

/** A `---` … `...` block indented under a test point at `indent`. */
export function yamlBlock(data: Record<string, unknown>, indent: string): string[] {
  // lineWidth 0: never fold, so stack lines and output survive a round trip unchanged.
  const body = stringify(data, { lineWidth: 0 }).trimEnd().split('\n');
  return [`${indent}  ---`, ...body.map((line) => `${indent}  ${line}`), `${indent}  ...`];
}

/** Package status, timing and package-level failures and warnings. */
export function packageDiagnostics(pkg: PackageReport): Record<string, unknown> {
  return {
    status: pkg.status,
    elapsedSeconds: pkg.elapsedSeconds,
    cached: pkg.cached,
    ...(pkg.failures.length > 0 ? { failures: pkg.failures.map(plainText) } : {}),
    ...(pkg.warnings.length > 0 ? { warnings: pkg.warnings.map(plainText) } : {}),
  };
}

/** The output of a failed or unfinished test; undefined for a test that passed. */
export function testDiagnostics(test: TestResult): Record<string, unknown> | undefined {
  if (test.status === 'pass' || test.status === 'skip') return undefined;
  const output = plainText(outputLines(test.output).join('\n'));
  return {
    elapsedSeconds: test.elapsedSeconds,
    ...(test.status === 'running' ? { message: 'did not finish: the test binary timed out or crashed' } : {}),
    ...(output === '' ? {} : { output }),
  };
}

/** Every detail of a finding, with `file:line` strings for its sites and frames. */
export function findingDiagnostics(f: Finding): Record<string, unknown> {
  return {
    count: f.count,
    state: f.state,
    ...(f.waitMinutes !== undefined ? { waitMinutes: f.waitMinutes } : {}),
    tests: f.tests.map((t) => ({ name: testLabel(t.attribution), count: t.count })),
    topFunction: f.topFunction,
    ...(f.createdBy !== undefined ? { createdBy: f.createdBy } : {}),
    ...(f.createdAt !== undefined
      ? { createdAt: `${f.createdAt.file}:${f.createdAt.line}`, createdAtInModule: f.createdAt.inModule }
      : {}),
    ...(f.goStatement !== undefined ? { goStatement: `${f.goStatement.file}:${f.goStatement.line}` } : {}),
    source: f.source,
    provenByGc: f.provenByGc,
    fingerprint: f.fingerprint,
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    stack: f.stack.map((fr) => `${fr.func} ${fr.file}:${fr.line}`),
  };
}

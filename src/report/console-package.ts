// Console rendering of one package: a go-test-like status line, then what went wrong in it.
import type { Colors } from 'picocolors/types.js';
import { escapeRegExp } from '../escape-regexp.js';
import type { PackageReport, TestResult } from '../model.js';
import { consoleFinding, type FindingStyle } from './console-finding.js';
import { plural, seconds } from './labels.js';
import { outputLines, plainText } from './text-clean.js';

/** `ok`, `LEAK`, `FAIL`, `?` padded like `go test`, then the import path and timing. */
function statusLine(pkg: PackageReport, c: Colors): string {
  const timing = `${seconds(pkg.elapsedSeconds)}${pkg.cached ? ' (cached)' : ''}`;
  const goroutines = pkg.leaks.reduce((sum, f) => sum + f.count, 0);
  const leaks =
    pkg.leaks.length > 0 ? `: ${plural(goroutines, 'goroutine')} in ${plural(pkg.leaks.length, 'finding')}` : '';
  switch (pkg.status) {
    case 'passed':
      return `${c.green('ok    ')}${pkg.importPath} ${timing}${leaks}`;
    case 'leaked':
      return `${c.bold(c.red('LEAK  '))}${pkg.importPath} ${timing}${leaks}`;
    case 'failed':
      return `${c.bold(c.red('FAIL  '))}${pkg.importPath} ${timing}${leaks}`;
    case 'build-failed':
      return `${c.bold(c.red('FAIL  '))}${pkg.importPath} [build failed]`;
    case 'no-tests':
      return `${c.dim('?     ')}${pkg.importPath} [no test files]`;
  }
}

/** Every line shown for a package: status, package failures, failing tests, leaks, warnings. */
export function consolePackage(pkg: PackageReport, style: FindingStyle): string[] {
  const c = style.color;
  const clean = (text: string): string => (c.isColorSupported ? text : plainText(text));
  const lines = [statusLine(pkg, c)];
  if (pkg.stress) lines.push(...stressLines(pkg.stress, c));
  for (const failure of pkg.failures) {
    lines.push(
      ...clean(failure)
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  for (const test of pkg.tests) {
    if (test.status === 'fail' || test.status === 'running') lines.push(...failedTest(test, c, clean));
  }
  for (const finding of pkg.leaks) lines.push(...consoleFinding(finding, style));
  if (style.verbose && pkg.leaks.length > 0 && pkg.waitedMs !== undefined)
    lines.push(`  ${c.dim(waitLine(pkg.waitedMs, pkg.gcProof === true))}`);
  for (const warning of pkg.warnings) lines.push(`  ${c.yellow('warning:')} ${clean(warning)}`);
  return lines;
}

// What the check's wait cost this package, and why it ended when the GC's proof ended it.
function waitLine(waitedMs: number, gcProof: boolean): string {
  const waited = `waited ${seconds(waitedMs / 1000)} for leftover goroutines to finish`;
  return gcProof ? `${waited} (the GC's proof was asked; proven goroutines end the wait)` : waited;
}

// --stress: how much it ran, and how to run again the chunk of runs that found something.
function stressLines(stress: NonNullable<PackageReport['stress']>, c: Colors): string[] {
  const lines = [`  stress: ${plural(stress.runs, 'run')} in ${seconds(stress.seconds)}`];
  if (stress.reproduce) lines.push(`  reproduce: ${c.cyan(stress.reproduce)}`);
  return lines;
}

function failedTest(test: TestResult, c: Colors, clean: (t: string) => string): string[] {
  const unfinished = test.status === 'running' ? ', did not finish' : '';
  const header = `  ${c.red(`--- FAIL: ${test.name}`)} (${seconds(test.elapsedSeconds)}${unfinished})`;
  // The test's own result line repeats the header; nested subtest results stay.
  const own = new RegExp(`^\\s*--- FAIL: ${escapeRegExp(test.name)} \\(`);
  const body = outputLines(test.output).filter((l) => !own.test(l));
  return [header, ...body.map((l) => `  ${clean(l)}`)];
}

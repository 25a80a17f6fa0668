// JUnit XML: one testsuite per package; tests, leak findings and package failures as cases.
import junitReportBuilder, { type Builder, type TestCase } from 'junit-report-builder';
import type { PackageReport, RunReport, TestResult } from '../model.js';
import { findingDetails, findingMessage } from './finding-details.js';
import { findingLocation } from './finding-location.js';
import { junitClassname, leakCaseName, packageFailureName } from './junit-names.js';
import type { PathContext } from './paths.js';
import { outputLines, xmlSafe } from './text-clean.js';

// The typings declare an ES default export, but Node loads the CommonJS build, whose
// module.exports is the builder itself; the types do not match the output:
// https://github.com/davidparsson/junit-report-builder/pull/71
const sharedBuilder = junitReportBuilder as unknown as Builder;

/** Options of the JUnit reporter. */
export interface JunitOptions {
  /** Repository root for the `file` attributes, when it differs from the module directory. */
  repoRoot?: string;
}

/** The JUnit XML document (UTF-8, XML 1.0) for a run. */
export function formatJunit(report: RunReport, opts: JunitOptions): string {
  // newBuilder(): the default export is a shared instance, and reports must not mix.
  const doc = sharedBuilder.newBuilder().name(report.tool.name);
  const paths: PathContext = { moduleDir: report.module.dir, repoRoot: opts.repoRoot };
  for (const pkg of report.packages) {
    const suite = doc
      .testSuite()
      .name(pkg.importPath)
      .time(roundTime(pkg.elapsedSeconds))
      .property('go.version', report.goVersion);
    for (const warning of pkg.warnings) suite.property('goleak-run.warning', xmlSafe(warning));
    const classname = junitClassname(pkg.importPath, report.module.path);
    const newCase = (name: string): TestCase => suite.testCase().className(classname).name(xmlSafe(name));
    for (const test of pkg.tests) addTest(newCase(test.name).time(roundTime(test.elapsedSeconds)), test);
    for (const text of pkg.failures) {
      const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
      newCase(packageFailureName(pkg, text))
        .failure(xmlSafe(first.trim()), pkg.status === 'build-failed' ? 'build failure' : 'package failure')
        .stacktrace(cdata(text));
    }
    if (failedWithoutCause(pkg))
      newCase('package failed').failure(
        `${pkg.importPath} failed without a failing test or a message`,
        'package failure',
      );
    for (const finding of pkg.leaks) {
      const tc = newCase(leakCaseName(finding));
      const where = findingLocation(finding, paths);
      if (where) setLocation(tc, where.file, where.line);
      const details = cdata(findingDetails(finding, paths));
      if (finding.baseline === 'known') {
        tc.skipped().standardOutput(`known leak, accepted by the baseline\n\n${details}`);
      } else {
        tc.failure(xmlSafe(findingMessage(finding, paths)), 'goroutine leak').stacktrace(details);
      }
    }
  }
  return `${doc.build()}\n`;
}

function addTest(tc: TestCase, test: TestResult): void {
  const output = cdata(outputLines(test.output).join('\n'));
  if (test.status === 'fail') {
    tc.failure(`${xmlSafe(test.name)} failed`, 'test failure').stacktrace(output);
  } else if (test.status === 'running') {
    tc.failure(
      `${xmlSafe(test.name)} did not finish: the test binary timed out or crashed`,
      'unfinished test',
    ).stacktrace(output);
  } else if (test.status === 'skip') {
    tc.skipped().standardOutput(output);
  }
}

// A failed package must show as failed even when nothing in it says why (TestMain exit 1).
function failedWithoutCause(pkg: PackageReport): boolean {
  const failing = pkg.failures.length > 0 || pkg.tests.some((t) => t.status === 'fail' || t.status === 'running');
  return (pkg.status === 'failed' || pkg.status === 'build-failed') && !failing;
}

// junit-report-builder 5 can set `file` but has no `line`; `file()` writes into the same
// attribute bag, so `line` goes there too. Read by GitLab-style and GitHub JUnit consumers.
function setLocation(tc: TestCase, file: string, line: number): void {
  tc.file(file);
  (tc as unknown as { _attributes: Record<string, unknown> })._attributes.line = line;
}

// CDATA cannot contain `]]>`; xmlbuilder 15 splits only its first occurrence (a
// non-global String.replace), so a second one would end the section early.
function cdata(text: string): string {
  return xmlSafe(text).replaceAll(']]>', ']] >');
}

function roundTime(secondsValue: number): number {
  return Math.round(secondsValue * 1000) / 1000;
}

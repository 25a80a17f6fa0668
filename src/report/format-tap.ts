// TAP version 14: a test point per package, with a subtest per test and per leak finding.
import type { PackageReport, RunReport, TestResult } from '../model.js';
import { findingTitle } from './labels.js';
import { formatSummaryLine } from './summary-line.js';
import { findingDiagnostics, packageDiagnostics, testDiagnostics, yamlBlock } from './tap-diagnostics.js';
import { outputLines, plainText } from './text-clean.js';

const INDENT = '    ';

/** The TAP 14 document for a run, ending with the summary line as a comment. */
export function formatTap(report: RunReport): string {
  const lines = ['TAP version 14', `1..${report.packages.length}`];
  report.packages.forEach((pkg, i) => {
    lines.push(...packagePoint(pkg, i + 1));
  });
  for (const s of report.stale) {
    lines.push(
      `# stale baseline entry: ${oneLine(`${s.package} ${s.tests.join(', ')}: ${s.summary} [${s.fingerprint}]`)}`,
    );
  }
  lines.push(`# ${formatSummaryLine(report)}`);
  return `${lines.join('\n')}\n`;
}

function packagePoint(pkg: PackageReport, n: number): string[] {
  const name = description(pkg.importPath);
  if (pkg.status === 'no-tests') return [`ok ${n} - ${name} # SKIP no test files`];
  const children: Array<(k: number) => string[]> = [
    ...pkg.tests.map((t) => (k: number) => testPoint(t, k)),
    ...pkg.leaks.map((f) => (k: number) => {
      const known = f.baseline === 'known' ? ' # TODO known leak, accepted by the baseline' : '';
      return [
        `not ok ${k} - ${description(`leak: ${findingTitle(f)}`)}${known}`,
        ...yamlBlock(findingDiagnostics(f), ''),
      ];
    }),
  ];
  const lines: string[] = [];
  if (children.length > 0) {
    lines.push(`${INDENT}# Subtest: ${name}`, `${INDENT}1..${children.length}`);
    children.forEach((child, i) => {
      lines.push(...child(i + 1).map((l) => `${INDENT}${l}`));
    });
  }
  const ok = pkg.status === 'passed';
  lines.push(`${ok ? 'ok' : 'not ok'} ${n} - ${name}`, ...yamlBlock(packageDiagnostics(pkg), ''));
  return lines;
}

// Subtest point `k` for a test, then its diagnostics.
function testPoint(test: TestResult, k: number): string[] {
  const name = description(test.name);
  if (test.status === 'skip') return [`ok ${k} - ${name} # SKIP ${skipReason(test)}`.trimEnd()];
  const diag = testDiagnostics(test);
  const head = `${test.status === 'pass' ? 'ok' : 'not ok'} ${k} - ${name}`;
  return diag ? [head, ...yamlBlock(diag, '')] : [head];
}

// The last line the test logged before `--- SKIP`, usually the t.Skip message.
function skipReason(test: TestResult): string {
  const logged = outputLines(test.output).filter((l) => !/^\s*--- SKIP: /.test(l) && l.trim() !== '');
  return description(plainText(logged.at(-1)?.trim() ?? ''));
}

// TAP 14 reserves `#` (directives) and `\` (its escape) in descriptions.
function description(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

function oneLine(text: string): string {
  return plainText(text).replace(/\s*\n\s*/g, ' ');
}

// The events goleak-run adds to Go's `go test -json` stream (--go-json): each new leak as a
// failing result of the tests that leaked it, with the details as the test's output, so tools
// that read the stream (gotestsum, tparse, go-junit-report) show it as they show a failed test.
import type { Finding, GoTestEvent, PackageReport } from '../model.js';
import { findingDetails, findingMessage } from './finding-details.js';
import type { PathContext } from './paths.js';

/** What Go's closing event of the package said, which the added events are placed before. */
export interface PackageClose {
  /** Go's final package action: pass, fail, skip. */
  action: string;
  /** Time of Go's final event (the added events carry it, so the stream stays in time order). */
  time?: string;
}

/** The package's verdict for the stream: the added events, and whether Go's closing lines must say FAIL. */
export interface GoJsonVerdict {
  events: GoTestEvent[];
  /** Go said pass, goleak-run says the package failed (a new leak, a leak check that did not run). */
  flip: boolean;
}

/**
 * Events for the new end-of-run leaks of a package. A leak of a test: output lines shaped as Go
 * prints output that resumes for a finished test (`=== NAME  TestX`, the details indented, then
 * `--- FAIL: TestX (…)`), then a `fail` action for the test and for each parent of a subtest. A leak
 * at package level or of an unknown test: package output. Known (baselined) leaks add nothing;
 * timeout findings belong to a test Go already failed. A package Go passed that goleak-run fails
 * gets its failure text too.
 */
export function goJsonVerdict(pkg: PackageReport, close: PackageClose, paths: PathContext): GoJsonVerdict {
  // Fields in Go's order (Time, Action, Package, Test, Output, Elapsed), so added lines read like Go's.
  const event = (action: string, test?: string, rest: Partial<GoTestEvent> = {}): GoTestEvent => ({
    ...(close.time !== undefined ? { Time: close.time } : {}),
    Action: action,
    Package: pkg.importPath,
    ...(test !== undefined ? { Test: test } : {}),
    ...rest,
  });
  const events: GoTestEvent[] = [];
  const output = (text: string, test?: string): void => {
    for (const line of text.split('\n')) events.push(event('output', test, { Output: `${line}\n` }));
  };
  const byTest = new Map<string, Finding[]>();
  const packageLevel: Finding[] = [];
  for (const f of pkg.leaks) {
    if (f.baseline === 'known' || f.source !== 'end-of-run') continue;
    for (const t of f.tests) {
      if (t.attribution.kind !== 'test') {
        if (!packageLevel.includes(f)) packageLevel.push(f);
        continue;
      }
      const name = t.attribution.subtest ? `${t.attribution.test}/${t.attribution.subtest}` : t.attribution.test;
      byTest.set(name, [...(byTest.get(name) ?? []), f]);
    }
  }
  const elapsed = new Map(pkg.tests.map((t) => [t.name, t.elapsedSeconds]));
  const closeTest = (name: string, details: string[]): void => {
    const depth = name.split('/').length - 1;
    // As `go test -v` prints output that resumes for a finished test: `=== NAME`, the lines, then the
    // result line. Parsers of that text (go-junit-report) give a test the lines after its `=== NAME`.
    if (details.length > 0) output(`=== NAME  ${name}`, name);
    for (const text of details) output(indent(text, depth + 1), name);
    output(`${'    '.repeat(depth)}--- FAIL: ${name} (${(elapsed.get(name) ?? 0).toFixed(2)}s)`, name);
    events.push(event('fail', name, { Elapsed: elapsed.get(name) ?? 0 }));
  };
  for (const [name, findings] of byTest)
    closeTest(
      name,
      findings.map((f) => leakText(f, paths)),
    );
  // A failed subtest fails its parents, as under go test: deepest first, each once.
  const parents = new Set(
    [...byTest.keys()].flatMap((name) =>
      name
        .split('/')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('/')),
    ),
  );
  const sorted = [...parents].filter((p) => !byTest.has(p)).sort((a, b) => b.split('/').length - a.split('/').length);
  for (const parent of sorted) closeTest(parent, []);
  for (const f of packageLevel) output(leakText(f, paths));
  const goPassed = close.action === 'pass';
  const fails = pkg.status === 'leaked' || pkg.status === 'failed' || pkg.status === 'build-failed';
  const flip = goPassed && fails;
  if (flip && events.length === 0) for (const text of pkg.failures) output(`goleak-run: ${text}`);
  return { events, flip };
}

/** `goleak-run: <message>` then the details, as the output of the test that leaked. */
function leakText(f: Finding, paths: PathContext): string {
  return [`goleak-run: ${findingMessage(f, paths)}`, ...findingDetails(f, paths).split('\n')].join('\n').trimEnd();
}

function indent(text: string, depth: number): string {
  const pad = '    '.repeat(depth);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** Go's closing line of a package that goleak-run fails: `PASS` → `FAIL`, `ok  \tpkg\t0.5s` → `FAIL\tpkg\t0.5s`. */
export function failClosingLine(output: string): string {
  if (output === 'PASS\n') return 'FAIL\n';
  const ok = /^ok {2}\t([^\t]+)\t(.*)$/s.exec(output);
  return ok ? `FAIL\t${ok[1]}\t${ok[2]}` : output;
}

import { describe, it, expect } from 'vitest';
import { createLineJoiner } from '../../src/parse/line-joiner.js';
import { packageOfImportPath } from '../../src/parse/build-import-path.js';
import { type CheckRecord, RECORD_PREFIX, signRecord } from '../../src/check-protocol.js';
import type { GoTestEvent } from '../../src/model.js';
import { OUTPUT_LINES_KEPT } from '../../src/parse/package-fold.js';
import { foldEvents, runOf } from './fold-helpers.js';

const out = (Package: string, Output: string, Test?: string): GoTestEvent =>
  Test === undefined ? { Action: 'output', Package, Output } : { Action: 'output', Package, Test, Output };
const DUMP =
  'goroutine 7 [chan receive]:\nmain.leak()\n\t/m/a.go:3 +0x1\ncreated by main.start in goroutine 1\n\t/m/a.go:9 +0x2\n';

const KEY = 'k'.repeat(64);
const leakRecord = (pkg: string): CheckRecord => ({
  v: 2,
  pkg,
  phase: 'final',
  waitedMs: 150,
  ignored: 2,
  groups: [{ n: 3, ids: [7, 8, 9], stack: DUMP }],
});
const cleanRecord = (pkg: string): CheckRecord => ({ v: 2, pkg, phase: 'final', waitedMs: 3, ignored: 0, groups: [] });
const line = (record: CheckRecord, key = KEY): string => {
  const json = JSON.stringify(record);
  return `${RECORD_PREFIX}${signRecord(key, json)} ${json}\n`;
};

describe('run fold edge cases', () => {
  it('joins a record cut into arbitrary chunks, interleaved with another package', () => {
    const text = `PASS\n${line(leakRecord('m/a'))}ok  \tm/a\t0.2s\n`;
    const b = line(cleanRecord('m/b'));
    const events: GoTestEvent[] = [];
    for (let i = 0; i < text.length; i += 7) {
      events.push(out('m/a', text.slice(i, i + 7)));
      events.push(out('m/b', b.slice(i, i + 7)));
    }
    events.push({ Action: 'pass', Package: 'm/a', Elapsed: 0.2 }, { Action: 'pass', Package: 'm/b' });
    const folded = foldEvents(events, { key: KEY });
    const a = runOf(folded, 'm/a');
    expect(a.check).toEqual({
      kind: 'leaked',
      waitedMs: 150,
      ignored: 2,
      groups: [{ n: 3, ids: [7, 8, 9], stack: DUMP }],
    });
    expect(a.output).toEqual(['PASS', 'ok  \tm/a\t0.2s']);
    expect(runOf(folded, 'm/b').check).toEqual({ kind: 'clean', waitedMs: 3, ignored: 0 });
  });

  it('a record glued to a partial line from user code: the text before it stays output', () => {
    const rec = line(cleanRecord('m/a'));
    const folded = foldEvents(
      [out('m/a', 'PASS\n'), out('m/a', 'no newline here'), out('m/a', rec), { Action: 'pass', Package: 'm/a' }],
      { key: KEY },
    );
    expect(runOf(folded, 'm/a')).toMatchObject({
      output: ['PASS', 'no newline here'],
      check: { kind: 'clean', waitedMs: 3 },
    });
  });

  it.each([
    ['signed with another key', (pkg: string) => line(leakRecord(pkg), 'x'.repeat(64))],
    ['a byte changed after signing', (pkg: string) => line(leakRecord(pkg)).replace('"n":3', '"n":4')],
    ['the old v1 marker', () => 'goleak-run:v1 clean waited=0 ignored=0\n'],
  ])('a record %s is test output and not a verdict', (_, make) => {
    const forged = make('m/a');
    const folded = foldEvents([out('m/a', forged, 'TestX'), out('m/a', forged), { Action: 'pass', Package: 'm/a' }], {
      key: KEY,
    });
    const run = runOf(folded, 'm/a');
    expect(run.check).toEqual({ kind: 'missing' });
    expect(run.output).toEqual([forged.trimEnd()]);
    expect(run.tests[0]?.output).toEqual([forged.trimEnd()]);
  });

  it.each([
    ['for another package', () => line(cleanRecord('m/other'))],
    [
      'of the waiting phase (that one belongs in the results file)',
      (pkg: string) => line({ ...leakRecord(pkg), phase: 'waiting' }),
    ],
  ])("a signed record %s is not this package's verdict", (_, make) => {
    const folded = foldEvents([out('m/a', make('m/a')), { Action: 'pass', Package: 'm/a' }], { key: KEY });
    expect(runOf(folded, 'm/a').check).toEqual({ kind: 'missing' });
  });

  it('a leaked goroutine printing a signed-looking record cannot turn a leak into a pass: the first record stands', () => {
    const folded = foldEvents(
      [
        out('m/a', line(leakRecord('m/a'))),
        out('m/a', line(cleanRecord('m/a'), 'x'.repeat(64))),
        { Action: 'pass', Package: 'm/a' },
      ],
      {
        key: KEY,
      },
    );
    expect(runOf(folded, 'm/a').check.kind).toBe('leaked');
  });

  it('an unfinished package keeps its tests running and its check missing', () => {
    const folded = foldEvents([
      { Action: 'start', Package: 'm/a' },
      { Action: 'run', Package: 'm/a', Test: 'TestX' },
      out('m/a', line(leakRecord('m/a')).slice(0, 50)),
    ]);
    expect(folded.progress).toEqual([]);
    const run = runOf(folded, 'm/a');
    expect(run.action).toBe('unknown');
    expect(run.tests).toEqual([{ name: 'TestX', status: 'running', elapsedSeconds: 0, output: [] }]);
    expect(run.check).toEqual({ kind: 'missing' });
  });

  it('an unfinished package without markers is missing its check', () => {
    const folded = foldEvents([out('m/a', 'partial')]);
    expect(runOf(folded, 'm/a')).toMatchObject({ action: 'unknown', output: ['partial'], check: { kind: 'missing' } });
  });

  it('test output without a final newline is flushed into that test when the package ends', () => {
    const folded = foldEvents([
      out('m/a', '=== RUN   TestX\n', 'TestX'),
      out('m/a', 'dangling', 'TestX'),
      { Action: 'fail', Package: 'm/a', Test: 'TestX', Elapsed: 0.5 },
      { Action: 'fail', Package: 'm/a', Elapsed: 1 },
    ]);
    expect(runOf(folded, 'm/a').tests).toEqual([
      { name: 'TestX', status: 'fail', elapsedSeconds: 0.5, output: ['=== RUN   TestX', 'dangling'] },
    ]);
  });

  it('-count=2: a test that passed once and hangs in its second round is running, not passed', () => {
    const folded = foldEvents([
      { Action: 'run', Package: 'm/a', Test: 'TestX' },
      { Action: 'pass', Package: 'm/a', Test: 'TestX', Elapsed: 0.1 },
      { Action: 'run', Package: 'm/a', Test: 'TestX' },
      { Action: 'fail', Package: 'm/a', Elapsed: 1 },
    ]);
    expect(runOf(folded, 'm/a').tests.map((t) => [t.name, t.status])).toEqual([['TestX', 'running']]);
  });

  it('panic and fatal-error text in a passing package changes nothing', () => {
    const folded = foldEvents([
      out('m/a', 'panic: first line\nsecond line [recovered]\n\ngoroutine 1 [running]:\n', 'TestP'),
      out('m/a', 'fatal error: all goroutines are asleep - deadlock!\npanic: test timed out after 1s\n'),
      { Action: 'pass', Package: 'm/a', Test: 'TestP' },
      { Action: 'pass', Package: 'm/a' },
    ]);
    const run = runOf(folded, 'm/a');
    expect(run).toMatchObject({ action: 'pass', tests: [{ name: 'TestP', status: 'pass' }] });
    expect(run.panic).toBeUndefined();
    expect(run.timeout).toBeUndefined();
  });

  it('build output split across events, and events after a package finished are ignored', () => {
    const folded = foldEvents([
      {
        ImportPath: 'm/a_test [m/a.test]',
        Action: 'build-output',
        Output: '# m/a_test [m/a.test]\n./a_test.go:3:1: und',
      },
      { ImportPath: 'm/a_test [m/a.test]', Action: 'build-output', Output: 'efined: x\n' },
      { ImportPath: 'm/a_test [m/a.test]', Action: 'build-fail' },
      { Action: 'fail', Package: 'm/a', FailedBuild: 'm/a_test [m/a.test]' },
      out('m/a', 'late\n'),
    ]);
    expect(folded.progress).toHaveLength(1);
    expect(runOf(folded, 'm/a')).toMatchObject({
      buildFailed: true,
      buildOutput: ['# m/a_test [m/a.test]', './a_test.go:3:1: undefined: x'],
      output: [],
    });
  });

  it('ignores events that name no package', () => {
    const folded = foldEvents([
      { Action: 'output', Output: 'stray\n' },
      { Action: 'build-output', Output: 'x\n' },
    ]);
    expect(folded.runs).toEqual([]);
  });
});

describe('parse helpers', () => {
  it('line joiner: partial chunks, several lines per chunk, CRLF', () => {
    const j = createLineJoiner();
    expect(j.push('k', 'ab')).toEqual([]);
    expect(j.push('other', 'zz\n')).toEqual(['zz']);
    expect(j.push('k', 'c\r\nd\ne')).toEqual(['abc', 'd']);
    expect(j.pendingKeys()).toEqual(['k']);
    expect(j.flush('k')).toBe('e');
    expect(j.flush('k')).toBeUndefined();
  });

  it.each([
    ['m/a', 'm/a'],
    ['m/a [m/a.test]', 'm/a'],
    ['m/a_test [m/a.test]', 'm/a'],
    ['m/dep [m/a.test]', 'm/a'],
    ['m/a.test', 'm/a.test'],
  ])('packageOfImportPath(%j) = %j', (importPath, pkg) => {
    expect(packageOfImportPath(importPath)).toBe(pkg);
  });
});

describe('output of a very chatty test', () => {
  it('keeps the last lines of each test and says how many were not kept', () => {
    const n = OUTPUT_LINES_KEPT * 3 + 5;
    const text = Array.from({ length: n }, (_, i) => `line ${i}\n`).join('');
    const folded = foldEvents([
      out('m/a', text, 'TestChatty'),
      { Action: 'pass', Package: 'm/a', Test: 'TestChatty' },
      { Action: 'pass', Package: 'm/a' },
    ]);
    const output = runOf(folded, 'm/a').tests[0]!.output;
    expect(output).toHaveLength(OUTPUT_LINES_KEPT + 1);
    expect(output[0]).toBe(`[goleak-run: ${n - OUTPUT_LINES_KEPT} earlier lines of output not kept]`);
    expect(output[1]).toBe(`line ${n - OUTPUT_LINES_KEPT}`);
    expect(output.at(-1)).toBe(`line ${n - 1}`);
  });
});

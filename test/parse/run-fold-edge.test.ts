import { describe, it, expect } from 'vitest';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { createLineJoiner } from '../../src/parse/line-joiner.js';
import { packageOfImportPath } from '../../src/parse/build-import-path.js';
import { findMarker } from '../../src/parse/leak-markers.js';
import type { GoTestEvent } from '../../src/model.js';
import { foldEvents, runOf } from './fold-helpers.js';

const out = (Package: string, Output: string, Test?: string): GoTestEvent =>
  Test === undefined ? { Action: 'output', Package, Output } : { Action: 'output', Package, Test, Output };
const DUMP = 'goroutine 7 [chan receive]:\nmain.leak()\n\t/m/a.go:3 +0x1\ncreated by main.start in goroutine 1\n\t/m/a.go:9 +0x2\n';

describe('run fold edge cases', () => {
  it('joins a marker block cut into arbitrary chunks, interleaved with another package', () => {
    const text = `PASS\ngoleak-run:v1 begin waited=150\n${DUMP}goleak-run:v1 end\nok  \tm/a\t0.2s\n`;
    const events: GoTestEvent[] = [];
    for (let i = 0; i < text.length; i += 7) {
      events.push(out('m/a', text.slice(i, i + 7)));
      events.push(out('m/b', i === 0 ? 'goleak-run:v1 clea' : i === 7 ? 'n waited=3\n' : ''));
    }
    events.push({ Action: 'pass', Package: 'm/a', Elapsed: 0.2 }, { Action: 'pass', Package: 'm/b' });
    const folded = foldEvents(events);
    const a = runOf(folded, 'm/a');
    expect(a.check).toEqual({ kind: 'leaked', waitedMs: 150, dump: DUMP });
    expect(a.output).toEqual(['PASS', 'ok  \tm/a\t0.2s']);
    expect(runOf(folded, 'm/b').check).toEqual({ kind: 'clean', waitedMs: 3 });
    expect(parseDump(DUMP).goroutines[0]?.createdBy?.goroutine).toBe(1);
  });

  it('a marker glued to a partial line from user code: the text before it stays output', () => {
    const folded = foldEvents([
      out('m/a', 'PASS\n'),
      out('m/a', 'no newline herego'),
      out('m/a', 'leak-run:v1 clean waited=0\n'),
      { Action: 'pass', Package: 'm/a' },
    ]);
    expect(runOf(folded, 'm/a')).toMatchObject({ output: ['PASS', 'no newline here'], check: { kind: 'clean', waitedMs: 0 } });
  });

  it('drops the blank line the snippet prints before its marker', () => {
    const folded = foldEvents([out('m/a', 'PASS\n\ngoleak-run:v1 clean waited=0\nok  \tm/a\t0.1s\n'), { Action: 'pass', Package: 'm/a' }]);
    expect(runOf(folded, 'm/a').output).toEqual(['PASS', 'ok  \tm/a\t0.1s']);
  });

  it('a leak block cut off by the stream end keeps the partial dump; the package is unfinished', () => {
    const folded = foldEvents([
      { Action: 'start', Package: 'm/a' },
      { Action: 'run', Package: 'm/a', Test: 'TestX' },
      out('m/a', 'goleak-run:v1 begin waited=9\ngoroutine 7 [chan receive]:\nmain.leak()\n\t/m/a.go:3'),
    ]);
    expect(folded.progress).toEqual([]);
    const run = runOf(folded, 'm/a');
    expect(run.action).toBe('unknown');
    expect(run.tests).toEqual([{ name: 'TestX', status: 'running', elapsedSeconds: 0, output: [] }]);
    expect(run.check).toEqual({ kind: 'leaked', waitedMs: 9, dump: 'goroutine 7 [chan receive]:\nmain.leak()\n\t/m/a.go:3\n' });
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
    expect(runOf(folded, 'm/a').tests).toEqual([{ name: 'TestX', status: 'fail', elapsedSeconds: 0.5, output: ['=== RUN   TestX', 'dangling'] }]);
  });

  it('a multi-line panic value and a fatal error outside any test', () => {
    const multi = foldEvents([
      out('m/a', 'panic: first line\nsecond line [recovered]\n\ngoroutine 1 [running]:\n', 'TestP'),
      { Action: 'fail', Package: 'm/a' },
    ]);
    expect(runOf(multi, 'm/a').panic).toEqual({ test: 'TestP', message: 'first line\nsecond line [recovered]' });
    const fatal = foldEvents([out('m/b', 'fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n'), { Action: 'fail', Package: 'm/b' }]);
    expect(runOf(fatal, 'm/b').panic).toEqual({ message: 'fatal error: all goroutines are asleep - deadlock!' });
  });

  it('build output split across events, and events after a package finished are ignored', () => {
    const folded = foldEvents([
      { ImportPath: 'm/a_test [m/a.test]', Action: 'build-output', Output: '# m/a_test [m/a.test]\n./a_test.go:3:1: und' },
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
    const folded = foldEvents([{ Action: 'output', Output: 'stray\n' }, { Action: 'build-output', Output: 'x\n' }]);
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

  it.each([
    ['goleak-run:v1 clean waited=12', { marker: { kind: 'clean', waitedMs: 12 }, before: '' }],
    ['goleak-run:v1 clean waited=0 ignored=4', { marker: { kind: 'clean', waitedMs: 0, ignored: 4 }, before: '' }],
    ['goleak-run:v1 clean waited=0 ignored=', undefined],
    ['goleak-run:v1 clean waited=0 ignored=4 extra', undefined],
    ['goleak-run:v1 begin waited=0 ignored=4', undefined],
    ['xgoleak-run:v1 begin waited=0', { marker: { kind: 'begin', waitedMs: 0 }, before: 'x' }],
    ['goleak-run:v1 end', { marker: { kind: 'end' }, before: '' }],
    ['goleak-run:v1 clean waited=', undefined],
    ['goleak-run:v1 clean waited=1x', undefined],
    ['goleak-run:v2 clean waited=1', undefined],
    ['goleak-run:v1 ended', undefined],
  ])('findMarker(%j)', (line, expected) => {
    expect(findMarker(line)).toEqual(expected);
  });
});

import { describe, it, expect } from 'vitest';
import { repoRelative, displayPath } from '../../src/report/paths.js';
import { plural, shortFunction, testLabel } from '../../src/report/labels.js';
import { buildErrorLocations, testLogLocation } from '../../src/report/source-locations.js';
import { findingLocation } from '../../src/report/finding-location.js';
import { outputLines, plainText, xmlSafe } from '../../src/report/text-clean.js';
import { sampleReport } from './sample-report.js';

describe('paths', () => {
  const ctx = { moduleDir: '/src/demo', repoRoot: '/src' };
  it('maps module-relative and absolute files to the repository root', () => {
    expect(repoRelative('pool/pool.go', ctx)).toBe('demo/pool/pool.go');
    expect(repoRelative('/src/demo/pool/pool.go', ctx)).toBe('demo/pool/pool.go');
    expect(repoRelative('pool/pool.go', { moduleDir: '/src/demo' })).toBe('pool/pool.go');
  });
  it('returns nothing for files outside the repository, and shows them unchanged', () => {
    expect(repoRelative('/usr/local/go/src/time/sleep.go', ctx)).toBeUndefined();
    expect(repoRelative('../other/x.go', { moduleDir: '/src/demo' })).toBeUndefined();
    expect(repoRelative('/src/demo2/x.go', { moduleDir: '/src/demo' })).toBeUndefined();
    expect(displayPath('/usr/local/go/src/time/sleep.go', ctx)).toBe('/usr/local/go/src/time/sleep.go');
  });
});

describe('labels', () => {
  it('names the attributed test', () => {
    expect(testLabel({ kind: 'test', test: 'TestA' })).toBe('TestA');
    expect(testLabel({ kind: 'test', test: 'TestA', subtest: 'b' })).toBe('TestA/b');
    // t.Run("TestA/b", …) inside TestA is TestA/TestA/b to go test: the name is always joined.
    expect(testLabel({ kind: 'test', test: 'TestA', subtest: 'TestA/b' })).toBe('TestA/TestA/b');
    expect(testLabel({ kind: 'test', test: 'TestA', subtest: '' })).toBe('TestA');
    expect(testLabel({ kind: 'package' })).toBe('package level');
    expect(testLabel({ kind: 'unknown' })).toBe('unknown');
  });
  it('shortens functions to their package name and pluralises', () => {
    expect(shortFunction('github.com/a/b.v2/pkg.(*T).m.func1')).toBe('pkg.(*T).m.func1');
    expect(shortFunction('time.Sleep')).toBe('time.Sleep');
    expect(plural(1, 'entry')).toBe('1 entry');
    expect(plural(2, 'stale baseline entry')).toBe('2 stale baseline entries');
  });
});

describe('source locations', () => {
  it('finds the first file:line a test logged, relative to the module', () => {
    const lines = outputLines(sampleReport.packages[4]!.tests[0]!.output);
    expect(testLogLocation(lines, 'parser')).toEqual({
      file: 'parser/parser_test.go',
      line: 27,
      message: 'header mismatch: 100% wrong, got a, b',
    });
    expect(testLogLocation(['--- FAIL: TestX (0.00s)'], 'x')).toBeUndefined();
  });
  it('finds compiler errors with or without a column', () => {
    expect(
      buildErrorLocations('# pkg\n./a.go:3: syntax error\nb/c.go:4:5: undefined: y\nnote: module requires Go 1.30'),
    ).toEqual([
      { file: 'a.go', line: 3, message: 'syntax error' },
      { file: 'b/c.go', line: 4, message: 'undefined: y' },
    ]);
  });
  it('falls back to the innermost frame in the repository when a goroutine was created outside it', () => {
    const known = sampleReport.packages[7]!.leaks[0]!;
    const withUserFrame = {
      ...known,
      stack: [
        ...known.stack.slice(0, 2),
        { func: 'example.com/demo/server.dial', args: '', file: 'server/dial.go', line: 9 },
      ],
    };
    expect(findingLocation(withUserFrame, { moduleDir: '/src/demo' })).toEqual({ file: 'server/dial.go', line: 9 });
    expect(findingLocation(known, { moduleDir: '/src/demo' })).toBeUndefined();
  });
});

describe('text cleaning', () => {
  it('removes ANSI and XML-forbidden characters but keeps tabs and newlines', () => {
    expect(xmlSafe('a\u001b[31mb\u001b[0m\u0000\u0007\t\n\r\uFFFEc')).toBe('ab\t\n\rc');
    expect(plainText('a\r\nb\u0001\u007f\tc')).toBe('a\nb\tc');
    expect(xmlSafe('emoji 🎉 ok')).toBe('emoji 🎉 ok');
  });
  it('drops test2json framing lines and trailing newlines', () => {
    expect(
      outputLines(['=== RUN   TestA\n', '    a_test.go:1: x\n', '=== CONT  TestA\n', '--- FAIL: TestA (0.00s)\n']),
    ).toEqual(['    a_test.go:1: x', '--- FAIL: TestA (0.00s)']);
  });
});

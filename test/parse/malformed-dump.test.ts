import { describe, it, expect } from 'vitest';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { recorded } from './recorded.js';

describe('parseDump on damaged input', () => {
  const states = recorded('states.txt');

  it('a dump cut mid-goroutine keeps every goroutine before the cut and warns', () => {
    const cut = states.slice(0, states.indexOf('sync.(*RWMutex).Lock(0x0?)') + 'sync.(*RWMutex).Lock(0x0?)'.length);
    const dump = parseDump(cut);
    expect(dump.goroutines.map((g) => g.id)).toEqual([1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(dump.goroutines[10]?.frames.map((f) => f.func)).toEqual([
      'sync.runtime_SemacquireRWMutex',
      'sync.(*RWMutex).Lock',
    ]);
    expect(dump.warnings).toEqual([
      { line: 78, text: '', message: 'frame without a file:line location (truncated dump?)' },
    ]);
  });

  it('CRLF line endings parse the same as LF', () => {
    const lf = parseDump(states);
    const crlf = parseDump(states.replaceAll('\n', '\r\n'));
    expect(crlf).toEqual(lf);
  });

  it('garbage lines become numbered warnings and the goroutines around them survive', () => {
    const text = [
      'some log noise',
      'goroutine 3 [chan receive]:',
      'main.worker(0x1)',
      '\t/src/main.go:10 +0x1d',
      '%%% not a frame',
      'created by main.main in goroutine 1',
      '\t/src/main.go:5 +0x20',
      '',
      'goroutine x [running]:',
      'main.orphan()',
      '\tnot-a-location',
      '',
      'goroutine 4 [select]:',
      'main.loop()',
      '\t/src/loop.go:not-a-number',
      'main.run()',
      '\t/src/run.go:7',
    ].join('\n');
    const dump = parseDump(text);
    expect(dump.goroutines.map((g) => g.id)).toEqual([3, 4]);
    expect(dump.goroutines[0]).toMatchObject({
      frames: [{ func: 'main.worker', args: '0x1', file: '/src/main.go', line: 10 }],
      createdBy: { func: 'main.main', goroutine: 1, file: '/src/main.go', line: 5 },
    });
    expect(dump.goroutines[1]?.frames).toEqual([
      { func: 'main.loop', args: '', file: '', line: 0 },
      { func: 'main.run', args: '', file: '/src/run.go', line: 7 },
    ]);
    expect(dump.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'line outside a goroutine block'],
      [5, 'unrecognised line in a goroutine block'],
      [9, 'goroutine header without an id'],
      [10, 'line outside a goroutine block'],
      [11, 'location line outside a goroutine'],
      [15, 'malformed file:line location'],
    ]);
  });

  it('a header straight after a frame (no blank line) starts a new goroutine', () => {
    const dump = parseDump(
      'goroutine 1 [running]:\nmain.main()\n\t/a.go:1\ngoroutine 2 [sleep]:\ntime.Sleep(0x1)\n\t/b.go:2\n',
    );
    expect(dump.goroutines.map((g) => [g.id, g.frames.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(dump.warnings).toEqual([]);
  });

  it('lines only valid in other places are warned about, not misread', () => {
    const dump = parseDump(
      [
        'goroutine 9 [running]:',
        '...additional frames elided...',
        '[originating from goroutine x]:',
        '\tgoroutine running on other thread; stack unavailable',
        'created by',
        '\t/orphan.go:3',
      ].join('\n'),
    );
    expect(dump.goroutines).toHaveLength(1);
    expect(dump.goroutines[0]?.frames).toEqual([]);
    expect(dump.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'unexpected elision line'],
      [3, 'unrecognised line in a goroutine block'],
      [5, 'unrecognised line in a goroutine block'],
      [6, 'location line without a frame'],
    ]);
  });

  // Issue #7: `\x-1` threw a RangeError out of the parser and lost the whole run.
  it('a bad label escape keeps the goroutine and its frames, with a warning', () => {
    const dump = parseDump(
      ['goroutine 7 [chan receive] {job: "\\x-1"}:', 'main.worker()', '\t/src/w.go:9 +0x19', ''].join('\n'),
    );
    expect(dump.goroutines.map((g) => [g.id, g.labels, g.frames.map((f) => `${f.func} ${f.file}:${f.line}`)])).toEqual([
      [7, {}, ['main.worker /src/w.go:9']],
    ]);
    expect(dump.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'malformed labels in goroutine header; labels dropped'],
    ]);
  });

  it('numbers too long to be exact are not read as line numbers or counts', () => {
    const long = '9'.repeat(400);
    const text = ['goroutine 1 [sleep]:', 'main.f()', `\t/a.go:${long}`, `...${long} frames elided...`].join('\n');
    const dump = parseDump(text);
    expect(dump.goroutines[0]).toMatchObject({ frames: [{ func: 'main.f', file: '', line: 0 }], framesElided: 0 });
    expect(dump.warnings.map((w) => w.message)).toEqual(['malformed file:line location', 'unexpected elision line']);
  });

  it('empty input gives an empty dump', () => {
    expect(parseDump('')).toEqual({ goroutines: [], warnings: [] });
    expect(parseDump('\n\n')).toEqual({ goroutines: [], warnings: [] });
  });

  it('keeps at most 1000 warnings and counts the rest', () => {
    const dump = parseDump('x\n'.repeat(5000));
    expect(dump.warnings).toHaveLength(1001);
    expect(dump.warnings.at(-1)?.message).toBe('4000 more warnings not shown');
  });

  it('pathological lines stay linear: a 1 MB line of brackets and parens', () => {
    const evil = `goroutine 1 [${'('.repeat(500_000)}${' labels:{"'.repeat(50_000)}`;
    const start = performance.now();
    const dump = parseDump(`${evil}\n${'('.repeat(1_000_000)}\n`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(dump.goroutines).toHaveLength(0);
    expect(dump.warnings).toHaveLength(2);
  });
});

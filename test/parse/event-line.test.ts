import { describe, it, expect } from 'vitest';
import { isParseWarning, parseEventLine } from '../../src/parse/event-line.js';
import { recorded } from './recorded.js';

describe('parseEventLine', () => {
  it('parses every line of every recorded stream into an event', () => {
    for (const name of ['basic', 'panics', 'timeout', 'buildfail', 'notests', 'markers', 'cached', 'interleaved']) {
      const lines = recorded(`${name}.jsonl`)
        .split('\n')
        .filter((l) => l !== '');
      const events = lines.map((l, i) => parseEventLine(l, i + 1));
      expect(events.filter(isParseWarning), name).toEqual([]);
      expect(events.length).toBeGreaterThan(0);
    }
  });

  it('reads the known fields; unknown ones are left on the event, unread (no copy per line)', () => {
    const ev = parseEventLine(
      '{"Time":"2026-01-01T00:00:00Z","Action":"fail","Package":"m/a","Elapsed":1.5,"FailedBuild":"m/b","OutputType":"frame"}',
    );
    expect(ev).toEqual({
      Time: '2026-01-01T00:00:00Z',
      Action: 'fail',
      Package: 'm/a',
      Elapsed: 1.5,
      FailedBuild: 'm/b',
      OutputType: 'frame',
    });
    expect(parseEventLine('{"ImportPath":"m/a [m/a.test]","Action":"build-output","Output":"# m/a\\n"}\r')).toEqual({
      ImportPath: 'm/a [m/a.test]',
      Action: 'build-output',
      Output: '# m/a\n',
    });
  });

  it.each([
    ['go: downloading example.com/x v1.0.0', 'not a go test -json event'],
    ['', 'not a go test -json event'],
    ['{"Action":"output","Package":"m/a","Output":"tru', 'malformed JSON'],
    ['{"Package":"m/a"}', 'JSON object is not a go test event'],
    ['{"Action":"pass","Elapsed":"1s"}', 'JSON object is not a go test event'],
  ])('turns %j into a warning', (line, message) => {
    const w = parseEventLine(line, 7);
    expect(isParseWarning(w)).toBe(true);
    expect(w).toEqual({ line: 7, text: line, message });
  });
});

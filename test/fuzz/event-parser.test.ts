// createEventParser's fast path for output events returns exactly what parseEventLine
// (JSON.parse of the whole line, then its checks) returns, for any line (issue #7).
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventParser } from '../../src/parse/event-parser.js';
import { parseEventLine } from '../../src/parse/event-line.js';
import { DUMPS_DIR, recorded } from '../parse/recorded.js';
import { runs } from './support.js';

/** Same value, same own keys in the same order (a warning or an event). */
function expectSame(got: unknown, want: unknown, line: string): void {
  expect(got, line).toStrictEqual(want);
  expect(Object.keys(got as object), line).toEqual(Object.keys(want as object));
}

// What makes a JSON string or the fast path's cuts go wrong: quotes, backslashes, the keys it
// looks for, braces, control characters, lone surrogates, characters Go escapes and JS does not.
const tricky = fc.constantFrom(
  '"',
  '\\',
  '\\"',
  ',"Output":"',
  '","Output":"',
  ',\\"Output\\":\\"',
  '"}',
  '{"Time":"',
  ',"Test":"',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001f',
  '\u2028',
  '<&>',
  '\ud800',
  '\udc00',
  'é',
  '😀',
  'goleak-run:',
  ' ',
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join('')),
);
const time = fc.oneof({ weight: 4, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) }, text);
const jsonValue = fc.oneof(
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.json().map((j) => JSON.parse(j)),
);

/** Events in test2json's field order, mostly output events, sometimes with more fields or other types. */
const event = fc
  .record(
    {
      Time: fc.oneof({ weight: 6, arbitrary: time }, jsonValue),
      Action: fc.oneof({ weight: 6, arbitrary: fc.constant('output') }, fc.constantFrom('run', 'pass', 'OUTPUT'), text),
      Package: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('example.com/m', 'p') }, text, jsonValue),
      Test: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('TestA', 'TestA/sub#01') }, text, jsonValue),
      Elapsed: fc.double(),
      Output: fc.oneof({ weight: 6, arbitrary: text.map((t) => `${t}\n`) }, text, jsonValue),
      OutputType: fc.constantFrom('frame', 'error'),
    },
    { requiredKeys: ['Time', 'Action', 'Package', 'Output'] },
  )
  .map((r) => {
    // Elapsed before Output, OutputType after it, as test2json writes them.
    const { OutputType, ...rest } = r;
    return OutputType === undefined ? rest : { ...rest, OutputType };
  });

/** JSON.stringify, or Go's escaping of <, >, &, U+2028 and U+2029 (only ever inside strings here). */
const serialize = (e: object, goEscapes: boolean): string => {
  const json = JSON.stringify(e);
  if (!goEscapes) return json;
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

/** A change to the text of a line: cut, insert, delete, a changed punctuation mark, a duplicate member, a CR, spaces. */
const edit = fc.record({
  kind: fc.constantFrom('cut', 'cut-end', 'last', 'insert', 'delete', 'punct', 'member', 'cr', 'space'),
  at: fc.nat(),
  piece: fc.oneof(tricky, fc.constantFrom(',"Time":"x"', ',"Output":"y"', ',"Action":"run"', ',"Test":"T"', ',"x":1')),
});
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(line: string, e: Edit): string {
  const at = e.at % (line.length + 1);
  if (e.kind === 'cut') return line.slice(0, at);
  if (e.kind === 'cut-end') return line.slice(0, Math.max(0, line.length - 1 - (e.at % 3)));
  if (e.kind === 'last') return line.slice(0, -1) + (e.piece.length === 1 ? e.piece : ' ');
  if (e.kind === 'punct') {
    // The fast path's cuts rest on these: replace one (with a space, a quote, a brace...) or drop it.
    const marks = [...line.matchAll(/[{}:,"]/g)].map((m) => m.index);
    const i = marks[e.at % Math.max(1, marks.length)];
    if (i === undefined) return line;
    const by = e.piece.length === 1 ? e.piece : e.at % 2 === 0 ? ' ' : '';
    return line.slice(0, i) + by + line.slice(i + 1);
  }
  if (e.kind === 'insert') return line.slice(0, at) + e.piece + line.slice(at);
  if (e.kind === 'delete') return line.slice(0, at) + line.slice(at + 1);
  if (e.kind === 'cr') return `${line}\r`;
  if (e.kind === 'space') return `${line.slice(0, at)} ${line.slice(at)}`;
  // A member at the first member boundary after `at`, if any.
  const comma = line.indexOf(',"', at);
  return comma < 0 ? line : line.slice(0, comma) + e.piece + line.slice(comma);
}

const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(event, fc.boolean()).map(([e, go]) => serialize(e, go)) },
  fc
    .tuple(event, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([e, go, edits]) => edits.reduce(applyEdit, serialize(e, go))),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('createEventParser', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns what parseEventLine returns for any line, alone', () => {
    fc.assert(
      fc.property(line, fc.nat(), (l, lineNo) => {
        expectSame(createEventParser()(l, lineNo), parseEventLine(l, lineNo), l);
      }),
      runs(3000),
    );
  });

  it('returns what parseEventLine returns for each line of a stream (the parser remembers earlier lines)', () => {
    // Few tests and packages, so lines share their middles and the memo is used.
    const sameTest = fc
      .tuple(
        fc.constantFrom('p', 'q'),
        fc.option(fc.constantFrom('TestA', 'TestB', ''), { nil: undefined }),
        text,
        time,
      )
      .map(([Package, Test, out, Time]) =>
        JSON.stringify(
          Test === undefined
            ? { Time, Action: 'output', Package, Output: out }
            : { Time, Action: 'output', Package, Test, Output: out },
        ),
      );
    const streamLine = fc.oneof(
      { weight: 3, arbitrary: sameTest },
      fc.tuple(sameTest, edit).map(([l, e]) => applyEdit(l, e)),
      line,
    );
    fc.assert(
      fc.property(fc.array(streamLine, { maxLength: 30 }), (lines) => {
        const parse = createEventParser();
        for (const [i, l] of lines.entries()) expectSame(parse(l, i + 1), parseEventLine(l, i + 1), l);
      }),
      runs(500),
    );
  });

  it('reads every line of every recorded stream as parseEventLine does', () => {
    const parse = createEventParser();
    const names = readdirSync(`${DUMPS_DIR}recorded`).filter((n) => n.endsWith('.jsonl'));
    for (const name of names) {
      for (const [i, l] of recorded(name).split('\n').entries()) {
        expectSame(parse(l, i + 1), parseEventLine(l, i + 1), `${name}:${i + 1}`);
      }
    }
  });

  it.each([
    ['a test named with the Output key', { Test: 'T/,"Output":"x' }],
    ['quotes and backslashes', { Test: 'T/"\\"', Output: '\\"}\n' }],
    ['Output ending in "}', { Output: 'x"}' }],
    ['empty Output', { Output: '' }],
    ['package output', { Test: undefined }],
  ])('%s', (_, fields) => {
    const e = {
      Time: '2026-01-01T00:00:00.5Z',
      Action: 'output',
      Package: 'm/p',
      Test: 'TestA',
      Output: 'hi\n',
      ...fields,
    };
    const l = JSON.stringify(e);
    expectSame(createEventParser()(l), parseEventLine(l), l);
    expect(createEventParser()(l)).toStrictEqual(JSON.parse(l));
  });

  it('decodes only the Output of an output line whose package and test it has seen', () => {
    const parse = createEventParser();
    const at = (i: number) =>
      `{"Time":"2026-01-01T00:00:0${i}Z","Action":"output","Package":"m/p","Test":"TestA","Output":"line ${i}\\n"}`;
    parse(at(1));
    const spy = vi.spyOn(JSON, 'parse');
    expect(parse(at(2))).toStrictEqual({
      Time: '2026-01-01T00:00:02Z',
      Action: 'output',
      Package: 'm/p',
      Test: 'TestA',
      Output: 'line 2\n',
    });
    expect(spy.mock.calls.map((c) => c[0])).toEqual(['"line 2\\n"']);
    // Another field after Output (newer Go versions): the whole line is parsed.
    spy.mockClear();
    const typed = at(3).replace(/}$/, ',"OutputType":"frame"}');
    expect(parse(typed)).toStrictEqual(JSON.parse(typed));
    expect(spy.mock.calls.map((c) => c[0])).toContain(typed);
  });
});

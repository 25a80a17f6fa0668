// parseEventLine and the run fold never throw, whatever the go test -json stream holds (issue #7).
// The fold is driven through its public API only: createRunFold().push(event) and .result().
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { GoTestEvent, PackageRun } from '../../src/model.js';
import { RECORD_PREFIX, signRecord } from '../../src/check-protocol.js';
import { createRunFold, isParseWarning, parseEventLine } from '../../src/parse/index.js';
import { DUMPS_DIR, recorded } from '../parse/recorded.js';
import { applyMutations, digits, dumpSoup, mutation, oddLine, runs } from './support.js';

const NAMES = readdirSync(`${DUMPS_DIR}recorded`)
  .filter((n) => n.endsWith('.jsonl'))
  .sort();
const STREAMS = new Map(NAMES.map((n) => [n, recorded(n)]));
const EVENTS = new Map(NAMES.map((n) => [n, eventsOf(STREAMS.get(n) ?? '')]));
const recording = fc.constantFrom(...NAMES);
const ACTIONS = 'start run pause cont pass bench fail output skip build-output build-fail'.split(' ');

function eventsOf(stream: string): GoTestEvent[] {
  return stream
    .split('\n')
    .map((line) => parseEventLine(line))
    .filter((e): e is GoTestEvent => !isParseWarning(e));
}

/** Every run the fold returns is complete: known action and check, arrays where arrays belong. */
function expectWellFormed(result: PackageRun[]): void {
  expect(Array.isArray(result)).toBe(true);
  for (const run of result) {
    expect(typeof run.importPath, 'importPath').toBe('string');
    expect(['pass', 'fail', 'skip', 'unknown']).toContain(run.action);
    expect(['clean', 'leaked', 'missing']).toContain(run.check.kind);
    expect([run.tests, run.output, run.buildOutput].every(Array.isArray), 'arrays').toBe(true);
    for (const t of run.tests) {
      expect(typeof t.name === 'string' && Array.isArray(t.output), `test ${t.name}`).toBe(true);
      expect(['pass', 'fail', 'skip', 'running']).toContain(t.status);
    }
    if (run.check.kind === 'leaked') expect(Array.isArray(run.check.groups), 'groups').toBe(true);
    if (run.timeout) expect(Array.isArray(run.timeout.runningTests)).toBe(true);
  }
}

/** Parses each line and folds the events, as the run stage does with go test's stdout. */
function foldLines(text: string): PackageRun[] {
  const fold = createRunFold();
  text.split('\n').forEach((line, i) => {
    const parsed = parseEventLine(line, i + 1);
    if (!isParseWarning(parsed)) fold.push(parsed);
  });
  return fold.result();
}

const jsonValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.json().map((j) => JSON.parse(j)),
);

// Mostly the type go test writes, sometimes any JSON value.
const field = <T>(usual: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: usual }, { weight: 1, arbitrary: jsonValue });

/** Objects shaped like events whose fields may have any JSON type, plus any JSON at all. */
const eventJson = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          Action: field(fc.constantFrom(...ACTIONS)),
          Package: field(fc.constantFrom('p', 'q')),
          ImportPath: field(fc.constantFrom('p [p.test]', 'p', 'p_test [p.test]', ' [', ']')),
          Test: field(fc.constantFrom('TestA', 'TestA/sub', '')),
          Output: field(
            fc.oneof(
              oddLine.map((l) => `${l}\n`),
              dumpSoup,
            ),
          ),
          Elapsed: field(fc.double()),
          FailedBuild: field(fc.constantFrom('p', 'p [p.test]')),
        },
        { requiredKeys: ['Action'] },
      )
      .map((r) => JSON.stringify(r)),
  },
  fc.json(),
  // JSON.parse makes __proto__ an own key: it must stay data, never become the prototype.
  fc.tuple(fc.constantFrom(...ACTIONS), fc.json()).map(([a, j]) => `{"__proto__":${j},"Action":"${a}","Package":"p"}`),
);
/** Event lines, cut short (a truncated write) or with a CR. */
const eventLikeLine = fc.oneof(
  { weight: 3, arbitrary: eventJson },
  fc.tuple(eventJson, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
  eventJson.map((l) => `${l}\r`),
);
const anyLine = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), {
  weight: 3,
  arbitrary: eventLikeLine,
});

/** A change to one event of a stream: its action, package, test, output or timing, or its place. */
const eventEdit = fc.record({
  at: fc.nat(),
  field: fc.constantFrom('Action', 'Package', 'Test', 'Output', 'Elapsed', 'swap', 'drop', 'borrow'),
  action: fc.constantFrom(...ACTIONS),
  text: fc.oneof(
    oddLine.map((l) => `${l}\n`),
    oddLine,
    digits,
  ),
  number: fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-1, 0, 1e308)),
  from: fc.nat(),
});

type EventEdit = typeof eventEdit extends fc.Arbitrary<infer E> ? E : never;

function applyEdits(events: readonly GoTestEvent[], edits: readonly EventEdit[]): GoTestEvent[] {
  const out = events.map((e) => ({ ...e }));
  for (const e of edits) {
    if (out.length === 0) break;
    const i = e.at % out.length;
    const ev = out[i] as GoTestEvent;
    const other = out[e.from % out.length] as GoTestEvent;
    if (e.field === 'Action') ev.Action = e.action;
    else if (e.field === 'Package') ev.Package = other.Package ?? e.text;
    else if (e.field === 'Test') ev.Test = other.Test ?? e.text;
    else if (e.field === 'Output') ev.Output = e.text;
    else if (e.field === 'Elapsed') ev.Elapsed = e.number;
    // Another event's output in this place: markers and dump lines where the fold does not expect them.
    else if (e.field === 'borrow') ev.Output = other.Output ?? e.text;
    else if (e.field === 'drop') out.splice(i, 1);
    else [out[i], out[e.from % out.length]] = [other, ev];
  }
  return out;
}

describe('event stream fuzz', () => {
  it('parseEventLine never throws and returns either a typed event or a warning', () => {
    fc.assert(
      fc.property(anyLine, fc.nat(), (line, lineNo) => {
        const parsed = parseEventLine(line, lineNo);
        if (isParseWarning(parsed)) {
          expect(parsed.line).toBe(lineNo);
          expect(parsed.text.length).toBeLessThanOrEqual(200);
          return;
        }
        expect(typeof parsed.Action).toBe('string');
        for (const key of ['Package', 'ImportPath', 'Test', 'Output', 'Time', 'FailedBuild'] as const) {
          expect(['undefined', 'string']).toContain(typeof parsed[key]);
        }
        expect(['undefined', 'number']).toContain(typeof parsed.Elapsed);
      }),
      runs(1000),
    );
  });

  it('the fold never throws on arbitrary lines', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 40 }), (lines) => {
        expectWellFormed(foldLines(lines.join('\n')));
      }),
      runs(300),
    );
  });

  it('the fold never throws on recorded streams with damaged lines', () => {
    fc.assert(
      fc.property(
        recording,
        fc.array(mutation(fc.oneof(anyLine, oddLine)), {
          minLength: 1,
          maxLength: 6,
        }),
        (name, ms) => {
          expectWellFormed(foldLines(applyMutations(STREAMS.get(name) ?? '', ms)));
        },
      ),
      runs(200),
    );
  });

  it('the fold never throws on recorded events with changed fields, order and outputs', () => {
    fc.assert(
      fc.property(recording, fc.array(eventEdit, { minLength: 1, maxLength: 10 }), (name, edits) => {
        const fold = createRunFold();
        for (const ev of applyEdits(EVENTS.get(name) ?? [], edits)) {
          const progress = fold.push(ev);
          if (progress) expect(progress.kind).toBe('package-done');
        }
        expectWellFormed(fold.result());
      }),
      runs(200),
    );
  });

  // Signed with the run's key, so the fold believes them: their contents must still be checked.
  const KEY = 'fuzz-key';
  const oddRecord = fc.record(
    {
      v: field(fc.constant(2)),
      pkg: field(fc.constantFrom('p', 'q')),
      phase: field(fc.constantFrom('final', 'waiting')),
      waitedMs: field(fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.constant(1e300))),
      ignored: field(fc.nat()),
      groups: field(
        fc.array(fc.record({ n: field(fc.nat()), ids: field(fc.array(field(fc.nat()))), stack: field(oddLine) }), {
          maxLength: 3,
        }),
      ),
    },
    { requiredKeys: [] },
  );

  const isCount = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 0;
  const isGroup = (g: unknown): boolean => {
    if (typeof g !== 'object' || g === null) return false;
    const r = g as Record<string, unknown>;
    return isCount(r.n) && typeof r.stack === 'string' && Array.isArray(r.ids) && r.ids.every(isCount);
  };
  // The test's own reading of the protocol (src/check-protocol.ts): what a valid final record of `p` is.
  const isFinalRecordOfP = (r: Record<string, unknown>): boolean =>
    r.v === 2 &&
    r.pkg === 'p' &&
    r.phase === 'final' &&
    isCount(r.waitedMs) &&
    isCount(r.ignored) &&
    Array.isArray(r.groups) &&
    r.groups.every(isGroup);

  it('the fold never throws on signed records with odd contents, whole or cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(oddRecord, fc.nat({ max: 3 })), { maxLength: 4 }), (records) => {
        const fold = createRunFold({ key: KEY });
        for (const [record, cuts] of records) {
          const json = JSON.stringify(record);
          const line = `${RECORD_PREFIX}${signRecord(KEY, json)} ${json}\n`;
          const size = Math.ceil(line.length / (cuts + 1));
          for (let i = 0; i < line.length; i += size) {
            fold.push({ Action: 'output', Package: 'p', Output: line.slice(i, i + size) });
          }
        }
        fold.push({ Action: 'pass', Package: 'p' });
        const result = fold.result();
        expectWellFormed(result);
        // The first well-formed final record of the package is its check, however it was cut.
        const first = records.map(([r]) => r).find(isFinalRecordOfP);
        const want = first === undefined ? 'missing' : (first.groups as unknown[]).length > 0 ? 'leaked' : 'clean';
        expect(result[0]?.check.kind).toBe(want);
      }),
      runs(200),
    );
  });
});

// parseDump never throws and always returns well-formed arrays, whatever the text (issue #7).
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { Dump } from '../../src/model.js';
import { parseCrash } from '../../src/parse/crash-text.js';
import { parseDump } from '../../src/parse/index.js';
import { DUMPS_DIR, recorded } from '../parse/recorded.js';
import { applyMutations, dumpSoup, lineMutation, mutation, oddLine, runs } from './support.js';

/** Goroutines in each recording (fixtures/dumps/regenerate.sh), counted by hand; a new one needs its count. */
const KNOWN_COUNTS: Record<string, number> = {
  'ancestors.txt': 4,
  'ancestors-go121.txt': 4,
  'crash-all.txt': 3,
  'crash-panic.txt': 1,
  'crash-system.txt': 7,
  'crash-timeout.txt': 4,
  'deep.txt': 3,
  'labels-go126.txt': 4,
  'labels-go127.txt': 4,
  'leaked.txt': 3,
  'minutes.txt': 3,
  'oddlabels-go126.txt': 4,
  'oddlabels-go127.txt': 4,
  'states.txt': 18,
  'states-go121.txt': 18,
  'synctest.txt': 8,
};
const NAMES = readdirSync(`${DUMPS_DIR}recorded`)
  .filter((n) => n.endsWith('.txt'))
  .sort();
const TEXTS = new Map(NAMES.map((n) => [n, recorded(n)]));
// Drawn by name, so a counterexample names its recording instead of printing it.
const recording = fc.constantFrom(...NAMES);

/** Any characters, or lines of dump-like pieces. */
const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(dumpSoup, oddLine), { maxLength: 30 }).map((lines) => lines.join('\n')),
);

const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/** What every result must look like: arrays, exact non-negative numbers, bounded warnings. */
function expectWellFormed(dump: Dump): void {
  expect(Array.isArray(dump.goroutines) && Array.isArray(dump.warnings), 'arrays').toBe(true);
  expect(dump.warnings.length).toBeLessThanOrEqual(1001);
  for (const w of dump.warnings) {
    expect(isCount(w.line) && typeof w.message === 'string' && w.text.length <= 200, `warning ${w.line}`).toBe(true);
  }
  for (const g of dump.goroutines) {
    expect(isCount(g.id), `goroutine id ${g.id}`).toBe(true);
    expect(typeof g.state === 'string' && g.state !== '', `state of ${g.id}`).toBe(true);
    expect(Array.isArray(g.frames) && Array.isArray(g.ancestors) && typeof g.labels === 'object', 'fields').toBe(true);
    expect(Number.isFinite(g.framesElided), `frames elided ${g.framesElided}`).toBe(true);
    expect(g.waitMinutes === undefined || isCount(g.waitMinutes), `minutes ${g.waitMinutes}`).toBe(true);
    const located = [...g.frames, ...g.ancestors.flatMap((a) => a.frames), ...(g.createdBy ? [g.createdBy] : [])];
    for (const f of located) expect(typeof f.func === 'string' && isCount(f.line), `line ${f.line}`).toBe(true);
  }
}

describe('parseDump fuzz', () => {
  it('knows every recording, which the mutations below start from', () => {
    expect(NAMES).toEqual(Object.keys(KNOWN_COUNTS).sort());
  });

  it.each(NAMES)('unmutated %s gives its known goroutine count', (name) => {
    const dump = parseDump(recorded(name));
    expectWellFormed(dump);
    expect(dump.goroutines).toHaveLength(KNOWN_COUNTS[name] ?? -1);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        expectWellFormed(parseDump(text));
      }),
      runs(400),
    );
  });

  it('never throws on recordings with dropped, repeated, flipped, cut or inserted lines', () => {
    fc.assert(
      fc.property(recording, fc.array(mutation(oddLine), { minLength: 1, maxLength: 6 }), (name, ms) => {
        expectWellFormed(parseDump(applyMutations(TEXTS.get(name) ?? '', ms)));
      }),
      runs(400),
    );
  });

  // One odd line must not hide a goroutine: every header line still present is still parsed.
  it('line-level damage keeps every goroutine whose header line survived', () => {
    fc.assert(
      fc.property(recording, fc.array(lineMutation(oddLine), { minLength: 1, maxLength: 6 }), (name, ms) => {
        const text = TEXTS.get(name) ?? '';
        const mutated = applyMutations(text, ms);
        const surviving = new Set(mutated.split('\n'));
        const before = parseDump(text).goroutines.map((g) => g.id);
        const headers = text.split('\n').filter((l) => l.startsWith('goroutine '));
        const expected = before.filter((_, i) => surviving.has(headers[i] ?? ''));
        const after = new Set(parseDump(mutated).goroutines.map((g) => g.id));
        expect(expected.filter((id) => !after.has(id))).toEqual([]);
      }),
      runs(300),
    );
  });

  const crashDamage = fc.array(mutation(oddLine), { maxLength: 6 });
  // The crash file the runtime writes (a panic or -timeout message, then the traceback).
  it('parseCrash never throws, and its dump parses like any other', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryText, fc.tuple(recording, crashDamage)), (input) => {
        const text = typeof input === 'string' ? input : applyMutations(TEXTS.get(input[0]) ?? '', input[1]);
        const crash = parseCrash(text);
        if (crash === undefined) return;
        expect(typeof crash.message).toBe('string');
        expect(crash.dump === '' || crash.dump.startsWith('goroutine ')).toBe(true);
        if (crash.timeout) expect(Array.isArray(crash.timeout.runningTests)).toBe(true);
        expectWellFormed(parseDump(crash.dump));
      }),
      runs(300),
    );
  });
});

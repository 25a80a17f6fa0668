import { describe, it, expect } from 'vitest';
import { parseGoroutineHeader } from '../../src/parse/goroutine-header.js';

// Header shapes that the recordings cannot produce on demand, written as
// runtime.goroutineheader prints them (see the grammar in goroutine-header.ts).
describe('parseGoroutineHeader', () => {
  it('reads every status item and flag together', () => {
    const r = parseGoroutineHeader(
      'goroutine 42 [chan receive (scan) (durable), 3 minutes, locked to thread, synctest bubble 9]:',
    );
    expect(r).toEqual({
      ok: true,
      notes: [],
      header: {
        id: 42,
        state: 'chan receive',
        waitMinutes: 3,
        lockedToThread: true,
        durable: true,
        bubble: 9,
        leakedByGc: false,
        labels: {},
      },
    });
  });

  it('keeps parenthesised wait reasons whole and folds (leaked)', () => {
    const idle = parseGoroutineHeader('goroutine 5 [GC worker (idle)]:');
    expect(idle.ok && idle.header.state).toBe('GC worker (idle)');
    const leaked = parseGoroutineHeader('goroutine 6 [select (no cases) (leaked)]:');
    expect(leaked.ok && [leaked.header.state, leaked.header.leakedByGc]).toEqual(['select (no cases)', true]);
  });

  it('skips the gp=/m= fields of system tracebacks, including m=nil', () => {
    const a = parseGoroutineHeader('goroutine 1 gp=0xc000002380 m=nil [sleep, 2 minutes]:');
    expect(a.ok && [a.header.id, a.header.state, a.header.waitMinutes]).toEqual([1, 'sleep', 2]);
    const b = parseGoroutineHeader('goroutine 7 gp=0x2838f4cb9860 m=0 mp=0x547fe0 [running]:');
    expect(b.ok && [b.header.id, b.header.state]).toEqual([7, 'running']);
  });

  it('reads Go 1.26 labels, including an empty value and a __proto__ key', () => {
    const r = parseGoroutineHeader('goroutine 8 [select labels:{"__proto__": "x", "e": "", "q": "\\x01\\U0001f600"}]:');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.header.labels)).toEqual(['__proto__', 'e', 'q']);
    // biome-ignore lint/suspicious/noProto: a label named __proto__ must be an own property, not the prototype.
    expect(r.header.labels.__proto__).toBe('x');
    expect(r.header.labels.q).toBe('\u0001😀');
    expect(Object.getPrototypeOf(r.header.labels)).toBe(Object.prototype);
  });

  it('reads Go 1.27 labels after the brackets, bare or quoted, empty bare values', () => {
    const r = parseGoroutineHeader('goroutine 8 [IO wait, 1 minutes] {a: , path: /x/y.z, "k k": "v, }"}:');
    expect(r.ok && r.header).toMatchObject({
      state: 'IO wait',
      waitMinutes: 1,
      labels: { a: '', path: '/x/y.z', 'k k': 'v, }' },
    });
  });

  it('notes an unknown status item but keeps the goroutine', () => {
    const r = parseGoroutineHeader('goroutine 3 [chan send, frobnicated]:');
    expect(r).toMatchObject({
      ok: true,
      header: { state: 'chan send' },
      notes: ['unknown goroutine status item "frobnicated"'],
    });
  });

  it.each([
    ['goroutine [running]:', 'goroutine header without an id'],
    ['goroutine 12', 'goroutine header without [status]'],
    ['goroutine 12 [running', 'goroutine header without closing ]'],
    ['goroutine 12 [running]: extra', 'goroutine header does not end with ]:'],
    ['goroutine 12 []:', 'goroutine header with an empty status'],
    ['goroutine 12 [select labels:{"a": "b}] x', 'malformed labels in goroutine header'],
    ['goroutine 12 [select] {a: "b} x', 'malformed labels in goroutine header'],
    ['goroutine 1234567890123456 [select]:', 'goroutine header with an out-of-range id'],
    ['goroutine 1e9 [select]:', 'goroutine header with text after the id'],
    ['goroutine 12 m=nil [select]:', 'goroutine header with text after the id'],
  ])('rejects %j', (line, error) => {
    expect(parseGoroutineHeader(line)).toEqual({ ok: false, error });
  });

  // A label never decides whether a goroutine leaked: the goroutine stays, its labels go.
  it.each([
    'goroutine 12 [select labels:{"a": "b}]:',
    'goroutine 12 [select] {a: "b}:',
    'goroutine 12 [select labels:{"a" "b"}]:',
    'goroutine 12 [select] {a: "\\x-1"}:',
    'goroutine 12 [select labels:{"a": "\\U0011ffff"}]:',
  ])('keeps %j with a note and no labels', (line) => {
    expect(parseGoroutineHeader(line)).toEqual({
      ok: true,
      header: { id: 12, state: 'select', lockedToThread: false, durable: false, leakedByGc: false, labels: {} },
      notes: ['malformed labels in goroutine header; labels dropped'],
    });
  });

  it('does not read numbers too long to be exact, and shortens the note', () => {
    const r = parseGoroutineHeader(`goroutine 3 [sleep, ${'9'.repeat(400)} minutes]:`);
    expect(r.ok && r.header.waitMinutes).toBeUndefined();
    expect(r.ok && r.notes[0]).toBe(`unknown goroutine status item "${'9'.repeat(80)}"`);
  });
});

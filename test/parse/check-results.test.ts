// The check's results files: crash text from the runtime, joined with the stream's view.
import { describe, expect, it } from 'vitest';
import { type CheckRecord, decodeRecord, signRecord, verifyRecord } from '../../src/check-protocol.js';
import type { PackageRun } from '../../src/model.js';
import { applyResults } from '../../src/parse/apply-results.js';
import { parseCrash } from '../../src/parse/crash-text.js';
import { parseFoldedDump } from '../../src/parse/folded-dump.js';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { recorded } from './recorded.js';

const STACK =
  'goroutine 7 [chan send]:\nmain.leak()\n\t/m/a.go:3 +0x1\ncreated by main.start in goroutine 1\n\t/m/a.go:9 +0x2\n';
const record = (phase: CheckRecord['phase'], groups: CheckRecord['groups'] = []): CheckRecord => ({
  v: 2,
  pkg: 'm/a',
  phase,
  waitedMs: 40,
  ignored: 1,
  groups,
});
const run = (over: Partial<PackageRun> = {}): PackageRun => ({
  importPath: 'm/a',
  action: 'pass',
  elapsedSeconds: 1,
  cached: false,
  tests: [{ name: 'TestA', status: 'pass', elapsedSeconds: 0, output: [] }],
  output: [],
  buildOutput: [],
  buildFailed: false,
  check: { kind: 'missing' },
  ...over,
});

describe('parseCrash over what the runtime wrote (recorded from real binaries)', () => {
  it('a -timeout crash: message, running tests and the whole dump', () => {
    const crash = parseCrash(recorded('crash-timeout.txt'));
    expect(crash?.message).toBe('test timed out after 1s');
    expect(crash?.timeout).toEqual({ runningTests: ['TestHang'] });
    const dump = parseDump(crash?.dump ?? '');
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.length).toBeGreaterThanOrEqual(3);
    expect(dump.goroutines.some((g) => g.frames.some((f) => f.func.endsWith('timeout.TestHang')))).toBe(true);
  });

  it('a panicking test: the message without the [recovered] note, no timeout', () => {
    const crash = parseCrash(recorded('crash-panic.txt'));
    expect(crash).toMatchObject({ message: 'assignment to entry in nil map' });
    expect(crash?.timeout).toBeUndefined();
    expect(crash?.dump.startsWith('goroutine ')).toBe(true);
  });

  it('a fatal error keeps its prefix; an empty file is no crash', () => {
    expect(parseCrash(recorded('crash-all.txt'))?.message).toBe('job failed');
    expect(parseCrash('')).toBeUndefined();
    expect(parseCrash('\n')).toBeUndefined();
    expect(
      parseCrash('fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n')
        ?.message,
    ).toBe('fatal error: all goroutines are asleep - deadlock!');
  });
});

describe('applyResults', () => {
  it('the final file decides; a fresh run is not cached', () => {
    const out = applyResults(run({ streamRecord: true }), {
      final: record('final', [{ n: 2, ids: [7, 8], stack: STACK }]),
    });
    expect(out.check).toEqual({
      kind: 'leaked',
      waitedMs: 40,
      ignored: 1,
      groups: [{ n: 2, ids: [7, 8], stack: STACK }],
    });
    expect(out.cached).toBe(false);
  });

  it('only the stream record: Go replayed a cached run', () => {
    const out = applyResults(run({ streamRecord: true, check: { kind: 'clean', waitedMs: 0, ignored: 0 } }), {});
    expect(out.cached).toBe(true);
    expect(out.check.kind).toBe('clean');
  });

  it('a waiting record and a crash: the leak is reported, interrupted by the crash, not as a panic', () => {
    const crash =
      'panic: Log in goroutine after TestA has completed: late\n\ngoroutine 9 [running]:\ntesting.(*common).logDepth()\n';
    const out = applyResults(run({ action: 'fail' }), {
      waiting: record('waiting', [{ n: 1, ids: [9], stack: STACK }]),
      crash,
    });
    expect(out.check).toMatchObject({
      kind: 'leaked',
      interruptedBy: 'Log in goroutine after TestA has completed: late',
    });
    expect(out.panic).toBeUndefined();
  });

  it('a crash after the tests: the panic comes from the crash file, the test from the events', () => {
    const tests: PackageRun['tests'] = [
      { name: 'TestA', status: 'pass', elapsedSeconds: 0, output: [] },
      { name: 'TestB', status: 'fail', elapsedSeconds: 0, output: [] },
    ];
    const out = applyResults(run({ action: 'fail', tests }), { crash: recorded('crash-panic.txt') });
    expect(out.panic).toEqual({ test: 'TestB', message: 'assignment to entry in nil map' });
    expect(out.check).toEqual({ kind: 'missing' });
  });

  it('a timeout crash becomes the timeout dump', () => {
    const out = applyResults(run({ action: 'fail' }), { crash: recorded('crash-timeout.txt') });
    expect(out.timeout?.runningTests).toEqual(['TestHang']);
    expect(out.panic).toBeUndefined();
  });

  it('no record at all: the hand-offs the overlay found say why', () => {
    const out = applyResults(run(), {}, { handoffs: ['main_test.go:9: m is passed to x.Run'] });
    expect(out.check).toEqual({ kind: 'missing', reason: 'main_test.go:9: m is passed to x.Run' });
  });

  it('no record, armed, and no m.Run mark: TestMain ended the binary before any test ran', () => {
    const none = run({ tests: [] });
    const ended = applyResults(none, { armed: true });
    expect(ended.endedBeforeTests).toBe(true);
    expect(ended.check).toEqual({ kind: 'clean', waitedMs: 0, ignored: 0 });
    // Anything that says tests may have run keeps the missing check a failure.
    for (const [over, files, ctx] of [
      [{}, { armed: true, started: true }, {}],
      [{}, {}, {}],
      [{ tests: run().tests }, { armed: true }, {}],
      [{ action: 'fail' }, { armed: true }, {}],
      [{}, { armed: true }, { handoffs: ['main_test.go:9: m is used where the check cannot follow it'] }],
    ] as const) {
      const out = applyResults(run({ tests: [], ...over }), files, ctx);
      expect(out.endedBeforeTests).toBeUndefined();
      expect(out.check.kind).toBe('missing');
    }
  });

  it('a package without its final event passed when go test exited 0, and only then', () => {
    expect(applyResults(run({ action: 'unknown' }), {}, { goTestPassed: true }).action).toBe('pass');
    expect(applyResults(run({ action: 'unknown' }), {}, { goTestPassed: false }).action).toBe('unknown');
    expect(applyResults(run({ action: 'fail' }), {}, { goTestPassed: true }).action).toBe('fail');
  });

  it('a package without its final event: the exit code the check recorded decides', () => {
    expect(applyResults(run({ action: 'unknown' }), { exitCode: 0 }).action).toBe('pass');
    expect(applyResults(run({ action: 'unknown' }), { exitCode: 1 }).action).toBe('fail');
    expect(applyResults(run({ action: 'fail' }), { exitCode: 0 }).action).toBe('fail');
  });
});

describe('records', () => {
  it('a signature verifies only its own text under its own key', () => {
    const json = JSON.stringify(record('final'));
    const mac = signRecord('key', json);
    expect(verifyRecord('key', json, mac)).toBe(true);
    expect(verifyRecord('other', json, mac)).toBe(false);
    expect(verifyRecord('key', `${json} `, mac)).toBe(false);
    expect(verifyRecord('key', json, 'zz')).toBe(false);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ ...record('final'), v: 1 })],
    ['a negative count', JSON.stringify(record('final', [{ n: -1, ids: [], stack: '' }]))],
    ['an unknown phase', JSON.stringify({ ...record('final'), phase: 'later' })],
    ['null', 'null'],
  ])('decodeRecord refuses %s', (_, text) => {
    expect(decodeRecord(text)).toBeUndefined();
  });

  it('folded groups become one goroutine each, standing for all of theirs', () => {
    const dump = parseFoldedDump([
      { n: 100000, ids: [7, 8], stack: STACK },
      { n: 1, ids: [], stack: STACK.replace('chan send', 'select') },
    ]);
    expect(dump.goroutines.map((g) => [g.state, g.folded])).toEqual([
      ['chan send', { count: 100000, ids: [7, 8] }],
      ['select', { count: 1, ids: [7] }],
    ]);
  });
});

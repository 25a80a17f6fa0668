// Rounds from a chunk's log, the round of each leaked goroutine, and in how many rounds each finding appeared.
import { describe, expect, it } from 'vitest';
import type { Dump, Finding, Goroutine } from '../../src/model.js';
import { parseDump } from '../../src/parse/index.js';
import { parseRoundLog } from '../../src/stress/round-log.js';
import { roundOfGoroutine, roundsPerFinding } from '../../src/stress/seen-in.js';

describe('parseRoundLog', () => {
  it('starts a round when a test starts again, across the package and x_test', () => {
    const log = [
      '7 i 18 R TestA',
      '7 x 19 R TestA', // x_test's TestA is another test
      '7 i 20 R TestB',
      '7 i 21 R TestA',
      '7 x 22 R TestA',
      '7 i 23 R TestB',
      '9 i 40 R TestHelperProcess', // a child binary a test ran
      '7 i 24 R TestA',
      '',
    ].join('\n');
    const rounds = parseRoundLog(log, 7);
    expect(rounds.rounds).toBe(3);
    expect([...rounds.roundOf]).toEqual([
      [18, 1],
      [19, 1],
      [20, 1],
      [21, 2],
      [22, 2],
      [23, 2],
      [24, 3],
    ]);
    expect(rounds.stoppedEarly).toBe(false);
  });

  it('counts no round of which every test was skipped by the early stop', () => {
    const rounds = parseRoundLog('3 i 5 R TestA\n3 i 6 S TestA\n3 i 7 S TestA\n', 3);
    expect(rounds).toMatchObject({ rounds: 1, stoppedEarly: true });
    expect(rounds.roundOf.get(6)).toBeUndefined();
  });

  it('reads nothing from a log that is empty, torn or not its own', () => {
    expect(parseRoundLog('', 1).rounds).toBe(0);
    expect(parseRoundLog('1 i 5 R Test', 2).rounds).toBe(0);
    expect(parseRoundLog('1 i 5 R', 1).rounds).toBe(0);
  });
});

// A goroutine started by a test's goroutine (18), and one started by a goroutine (30) that
// test goroutine 21 started: GODEBUG=tracebackancestors prints both chains.
const DUMP = `goroutine 31 [chan send]:
example.com/m.work.func1()
	/m/m.go:9 +0x1d
created by example.com/m.work in goroutine 18
	/m/m.go:8 +0x4f
[originating from goroutine 18]:
example.com/m.work(...)
	/m/m.go:8 +0x4f
example.com/m.TestA(...)
	/m/m_test.go:5 +0x1a
created by testing.(*T).Run in goroutine 1
	/go/src/testing/testing.go:1997 +0x44

goroutine 44 [chan send]:
example.com/m.work.func1()
	/m/m.go:9 +0x1d
created by example.com/m.spawn in goroutine 30
	/m/m.go:20 +0x4f
[originating from goroutine 30]:
example.com/m.spawn(...)
	/m/m.go:20 +0x4f
created by example.com/m.TestA in goroutine 21
	/m/m_test.go:6 +0x1a
[originating from goroutine 21]:
example.com/m.TestA(...)
	/m/m_test.go:6 +0x1a
created by testing.(*T).Run in goroutine 1
	/go/src/testing/testing.go:1997 +0x44

goroutine 50 [select]:
example.com/m.init.0.func1()
	/m/m.go:30 +0x1d
created by example.com/m.init.0 in goroutine 1
	/m/m.go:29 +0x4f
`;

const finding = (ids: number[]): Finding => ({ goroutineIds: ids }) as Finding;

describe('roundOfGoroutine', () => {
  const dump = parseDump(DUMP);
  const roundOf = new Map([
    [18, 1],
    [21, 2],
  ]);
  const byId = (id: number) => dump.goroutines.find((g) => g.id === id) as Goroutine;

  it('walks the creator chain up to a test goroutine', () => {
    expect(dump.warnings).toEqual([]);
    expect(roundOfGoroutine(byId(31), roundOf)).toBe(1);
    expect(roundOfGoroutine(byId(44), roundOf)).toBe(2);
    // Started in init: in no round.
    expect(roundOfGoroutine(byId(50), roundOf)).toBeUndefined();
  });

  it('places a test goroutine itself (a hung test) in its own round', () => {
    expect(roundOfGoroutine(byId(31), new Map([[31, 5]]))).toBe(5);
  });

  it('counts the distinct rounds of each finding, a folded group standing for all its goroutines', () => {
    const folded: Dump = {
      goroutines: [{ ...byId(31), folded: { count: 3, ids: [31, 32, 33] } }, byId(44), byId(50)],
      warnings: [],
    };
    const seen = roundsPerFinding([finding([31, 32, 33, 44]), finding([31]), finding([50])], [folded], roundOf);
    expect(seen).toEqual([2, 1, 1]);
  });
});

import { describe, it, expect } from 'vitest';
import { BUILTIN_IGNORES, isOwnCheckGoroutine } from '../../src/classify/builtin-ignores.js';
import { matchesRule } from '../../src/classify/match-rule.js';
import { classifyRecorded } from './support/classify-recorded.js';
import { loadDump } from './support/parse-dump.js';

const dumps = ['leaks.txt', 'timeout.txt', 'timeout-fuzz.txt', 'timeout-system.txt', 'profiled.txt', 'ginkgo.txt'];
const goroutines = dumps.flatMap((d) => loadDump(d).goroutines.map((g) => ({ dump: d, g })));

describe('built-in ignore rules', () => {
  it('are all built-in and explain themselves', () => {
    for (const r of BUILTIN_IGNORES) {
      expect(r.origin).toBe('built-in');
      expect(r.reason.length).toBeGreaterThan(20);
    }
  });

  it.each(BUILTIN_IGNORES.filter((r) => r.func !== 'internal/fuzz.*').map((r) => [r.func, r] as const))(
    '%s matches a goroutine of the dump its reason names',
    (_func, rule) => {
      const named = /\(([\w-]+\.txt)\)$/.exec(rule.reason)?.[1];
      expect(named).toBeDefined();
      expect(goroutines.some(({ dump, g }) => dump === named && matchesRule(g, rule))).toBe(true);
    },
  );

  it('leave nothing of a Ginkgo suite that leaks nothing of its own', () => {
    const { findings, ignored } = classifyRecorded('ginkgo.txt', 'ginkgo');
    expect(findings).toEqual([]);
    expect(ignored).toBeGreaterThanOrEqual(2); // the interrupt handler and os/signal's loop
  });

  it('never match a goroutine a test leaked', () => {
    const leaked = loadDump('leaks.txt').goroutines.filter((g) =>
      g.frames.some((f) => f.func.startsWith('example.com/leaky/leaks.')),
    );
    expect(leaked.length).toBeGreaterThan(10);
    const hits = leaked.filter((g) => !isOwnCheckGoroutine(g) && BUILTIN_IGNORES.some((r) => matchesRule(g, r)));
    expect(hits).toEqual([]);
  });

  it('recognise the check goroutine by its goleakrun frames only, not by ancestors', () => {
    const gs = loadDump('leaks.txt').goroutines;
    expect(gs.filter(isOwnCheckGoroutine).map((g) => g.frames[0]?.func)).toEqual([
      'example.com/leaky/leaks.goleakrunDump',
    ]);
  });
});

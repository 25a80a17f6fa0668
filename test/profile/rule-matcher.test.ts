import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { BUILTIN_IGNORES } from '../../src/classify/builtin-ignores.js';
import { matchesRule } from '../../src/classify/match-rule.js';
import type { Goroutine, IgnoreRule } from '../../src/model.js';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { createRuleMatcher } from '../../src/profile/rule-matcher.js';
import { recorded } from '../parse/recorded.js';
import { DUMPS_DIR } from '../parse/recorded.js';
import { recordedProfile } from './recorded.js';

// Every goroutine of every recorded text dump, from both recording sets.
const goroutines: Goroutine[] = [
  ...readdirSync(`${DUMPS_DIR}recorded`)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => parseDump(recorded(f)).goroutines),
  ...['service-debug2.txt', 'service-sigquit.txt', 'service-timeout.txt', 'go127-debug2.txt'].flatMap(
    (f) => parseDump(recordedProfile(f).toString('utf8')).goroutines,
  ),
];
const funcs = [
  ...new Set(goroutines.flatMap((g) => [...g.frames.map((f) => f.func), ...(g.createdBy ? [g.createdBy.func] : [])])),
];

const agree = (rules: IgnoreRule[]): void => {
  const matcher = createRuleMatcher(rules);
  for (const g of goroutines) {
    expect(matcher(g.frames, g.createdBy?.func), g.frames[0]?.func).toBe(rules.some((r) => matchesRule(g, r)));
  }
};

describe('createRuleMatcher gives matchesRule verdicts', () => {
  it('for the built-in list on every recorded goroutine', () => {
    expect(goroutines.length).toBeGreaterThan(500);
    agree([...BUILTIN_IGNORES]);
    expect(goroutines.some((g) => createRuleMatcher([...BUILTIN_IGNORES])(g.frames, g.createdBy?.func))).toBe(true);
  });

  it('for random rules built from the recorded function names, exact and prefix', () => {
    const rule = fc
      .record({
        kind: fc.constantFrom<IgnoreRule['kind']>('top', 'any', 'created-by'),
        func: fc.constantFrom(...funcs),
        cut: fc.nat(),
        prefix: fc.boolean(),
      })
      .map(
        ({ kind, func, cut, prefix }): IgnoreRule => ({
          kind,
          func: prefix ? `${func.slice(0, cut % (func.length + 1))}*` : func,
          reason: 'test',
          origin: 'cli',
        }),
      );
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), (rules) => agree(rules)),
      { numRuns: 60 },
    );
  });
});

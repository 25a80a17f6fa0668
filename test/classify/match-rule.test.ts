import { describe, it, expect } from 'vitest';
import { matchesFunc, matchesPackagePattern, matchesRule, rulesForPackage } from '../../src/classify/match-rule.js';
import type { IgnoreRule } from '../../src/model.js';
import { loadDump } from './support/parse-dump.js';

const rule = (kind: IgnoreRule['kind'], func: string, packages?: string[]): IgnoreRule => ({
  kind,
  func,
  reason: 'test',
  origin: 'config',
  ...(packages ? { packages } : {}),
});
const accept = loadDump('leaks.txt').goroutines.find(
  (g) => g.createdBy?.func === 'net/http/httptest.(*Server).goServe',
);

describe('matchesRule on the recorded httptest accept loop', () => {
  it('top sees the first printed frame and the first frame outside runtime internals', () => {
    expect(accept).toBeDefined();
    if (!accept) return;
    expect(matchesRule(accept, rule('top', 'internal/poll.runtime_pollWait'))).toBe(true);
    expect(matchesRule(accept, rule('top', 'net.(*netFD).accept'))).toBe(true);
    expect(matchesRule(accept, rule('top', 'net/http.(*Server).Serve'))).toBe(false);
  });

  it('any sees every own frame but not ancestors', () => {
    if (!accept) return;
    expect(matchesRule(accept, rule('any', 'net/http.(*Server).Serve'))).toBe(true);
    expect(matchesRule(accept, rule('any', 'testing.tRunner'))).toBe(false);
  });

  it('created-by sees the creator, with a * prefix', () => {
    if (!accept) return;
    expect(matchesRule(accept, rule('created-by', 'net/http/httptest.*'))).toBe(true);
    expect(matchesRule(accept, rule('created-by', 'net/http/httptest.(*Server)'))).toBe(false);
  });
});

describe('function and package patterns', () => {
  it('matches functions exactly or by a trailing-* prefix', () => {
    expect(matchesFunc('a.B', 'a.B')).toBe(true);
    expect(matchesFunc('a.B', 'a.B.func1')).toBe(false);
    expect(matchesFunc('a.B*', 'a.B.func1')).toBe(true);
  });

  it('follows go list pattern rules', () => {
    expect(matchesPackagePattern('example.com/m/...', 'example.com/m')).toBe(true);
    expect(matchesPackagePattern('example.com/m/...', 'example.com/m/a/b')).toBe(true);
    expect(matchesPackagePattern('example.com/m/...', 'example.com/mx')).toBe(false);
    expect(matchesPackagePattern('example.com/m', 'example.com/m/a')).toBe(false);
    expect(matchesPackagePattern('example.com/.../a', 'example.com/x/y/a')).toBe(true);
    expect(matchesPackagePattern('example.com/m.v2', 'example.com/mxv2')).toBe(false);
  });

  it('keeps rules without packages and rules whose patterns match', () => {
    const rules = [rule('top', 'x'), rule('top', 'y', ['example.com/m/a/...']), rule('top', 'z', ['example.com/m/b'])];
    expect(rulesForPackage(rules, 'example.com/m/a/c').map((r) => r.func)).toEqual(['x', 'y']);
    expect(rulesForPackage(rules, 'example.com/m/b').map((r) => r.func)).toEqual(['x', 'z']);
  });
});

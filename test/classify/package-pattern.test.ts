import { describe, expect, it } from 'vitest';
import { matchesPackagePattern as matchPackagePattern, rulesForPackage } from '../../src/classify/match-rule.js';
import type { IgnoreRule } from '../../src/model.js';

// The overlay embeds only the rules of its package, with the classifier's own matcher.
const ruleAppliesTo = (packages: string[] | undefined, importPath: string): boolean =>
  rulesForPackage(
    [{ kind: 'top', func: 'f', reason: 'r', origin: 'cli', ...(packages ? { packages } : {}) } as IgnoreRule],
    importPath,
  ).length === 1;

describe('matchPackagePattern', () => {
  it('matches exact paths only when there is no wildcard', () => {
    expect(matchPackagePattern('example.com/m/a', 'example.com/m/a')).toBe(true);
    expect(matchPackagePattern('example.com/m/a', 'example.com/m/ab')).toBe(false);
    expect(matchPackagePattern('example.com/m.a', 'example.com/mxa')).toBe(false);
  });

  it('lets a trailing /... match the prefix itself and everything below', () => {
    expect(matchPackagePattern('example.com/m/...', 'example.com/m')).toBe(true);
    expect(matchPackagePattern('example.com/m/...', 'example.com/m/a/b')).toBe(true);
    expect(matchPackagePattern('example.com/m/...', 'example.com/mx')).toBe(false);
  });

  it('lets ... elsewhere match any string', () => {
    expect(matchPackagePattern('example.com/.../internal', 'example.com/m/x/internal')).toBe(true);
    expect(matchPackagePattern('example.com/m...', 'example.com/mx/y')).toBe(true);
  });
});

describe('ruleAppliesTo', () => {
  it('applies everywhere without packages, else when one pattern matches', () => {
    expect(ruleAppliesTo(undefined, 'a/b')).toBe(true);
    expect(ruleAppliesTo(['x/...', 'a/b'], 'a/b')).toBe(true);
    expect(ruleAppliesTo(['x/...'], 'a/b')).toBe(false);
  });
});

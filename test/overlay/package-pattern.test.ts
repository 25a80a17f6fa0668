import { describe, expect, it } from 'vitest';
import { matchPackagePattern, ruleAppliesTo } from '../../src/overlay/package-pattern.js';

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

import { describe, it, expect } from 'vitest';
import { PACKAGE_LEVEL, UNKNOWN_TEST, attributionName } from '../../src/classify/attribution-name.js';

describe('attributionName', () => {
  it('names tests as go test does, and the two attributions that are not a test', () => {
    expect(attributionName({ kind: 'test', test: 'TestA' })).toBe('TestA');
    expect(attributionName({ kind: 'test', test: 'TestA', subtest: 'b/c' })).toBe('TestA/b/c');
    expect(attributionName({ kind: 'package' })).toBe('package level');
    expect(attributionName({ kind: 'unknown' })).toBe('unknown');
    // Baselines compare entries with these names: they must be exactly what is written.
    expect([PACKAGE_LEVEL, UNKNOWN_TEST]).toEqual([
      attributionName({ kind: 'package' }),
      attributionName({ kind: 'unknown' }),
    ]);
  });
});

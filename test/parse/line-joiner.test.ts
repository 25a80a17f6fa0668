import { describe, it, expect } from 'vitest';
import { createLineJoiner } from '../../src/parse/line-joiner.js';

describe('createLineJoiner', () => {
  // A test printing gigabytes without a newline must not build a string V8 refuses (RangeError).
  it('lets a line that reaches the limit out in pieces of the limit, keeping the rest', () => {
    const j = createLineJoiner({ maxLineLength: 4 });
    expect(j.push('k', 'ab')).toEqual([]);
    expect(j.push('k', 'cdefghij')).toEqual(['abcd', 'efgh']);
    expect(j.pendingKeys()).toEqual(['k']);
    expect(j.push('k', 'k\nlmnopq')).toEqual(['ijk', 'lmno']);
    expect(j.flush('k')).toBe('pq');
  });

  it('keeps an empty unfinished chunk pending, as before the limit', () => {
    const j = createLineJoiner({ maxLineLength: 4 });
    expect(j.push('k', '')).toEqual([]);
    expect(j.flush('k')).toBe('');
    expect(j.push('k', 'abcd')).toEqual(['abcd']);
    expect(j.pendingKeys()).toEqual([]);
  });
});

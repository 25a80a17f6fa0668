import { describe, it, expect } from 'vitest';
import { escapeRegExp } from '../src/escape-regexp.js';

describe('escapeRegExp', () => {
  it('matches every RegExp metacharacter literally', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p-q';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
    expect(new RegExp(escapeRegExp('(*T).Run')).test('pkg.(*T).Run')).toBe(true);
  });
});

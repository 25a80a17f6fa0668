import { describe, it, expect } from 'vitest';
import { readLabelToken, readQuoted } from '../../src/parse/label-string.js';

// runtime.printquoted writes \n \r \t \\ \" and \x, \u, \U with exactly 2, 4 and 8 hex digits.
describe('readQuoted', () => {
  it('decodes every escape printquoted writes', () => {
    const text = String.raw`"a\n\r\t\\\"\x01\u00e9\U0001f600z" rest`;
    expect(readQuoted(text, 0)).toEqual({ value: 'a\n\r\t\\"\u0001é😀z', end: text.indexOf(' rest') });
  });

  it.each([
    ['a negative hex escape', String.raw`"\x-1"`],
    ['a signed \\u escape', String.raw`"\u+123"`],
    ['a hex escape with a space', String.raw`"\x 1"`],
    ['a partly hex \\u escape', String.raw`"\u12zz"`],
    ['a code point past Unicode', String.raw`"\UFFFFFFFF"`],
    ['a short escape at the end', String.raw`"\u12`],
    ['a lone backslash at the end', '"abc\\'],
    ['no closing quote', '"abc'],
  ])('rejects %s without throwing', (_, text) => {
    expect(readQuoted(text, 0)).toBeUndefined();
  });
});

describe('readLabelToken', () => {
  it('stops a bare token at a stop character and reads a quoted one whole', () => {
    expect(readLabelToken('api/v1_x, next', 0, ',}')).toEqual({ value: 'api/v1_x', end: 8 });
    expect(readLabelToken('"a, b}", next', 0, ',}')).toEqual({ value: 'a, b}', end: 7 });
  });
});

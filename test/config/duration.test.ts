import { describe, it, expect } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseDuration } from '../../src/config/index.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
    ['0', 0],
    ['250us', 0],
    ['1500000ns', 2],
    ['.5s', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '5 s', '-1s', '1d', 's', '1s2'])('rejects %j with the expected form', (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
    expect(() => parseDuration(text)).toThrow(`expected a Go duration like 500ms, 2s or 1m30s, found "${text}"`);
  });
});

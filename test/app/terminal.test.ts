import { describe, expect, it } from 'vitest';
import { colorEnabled, progressEnabled } from '../../src/app/terminal.js';
import { createProgressLine } from '../../src/app/progress-line.js';

describe('colours and progress', () => {
  it.each([
    [{}, true, undefined, true],
    [{}, false, undefined, false],
    [{ CI: 'true' }, true, undefined, false],
    [{ NO_COLOR: '1' }, true, undefined, false],
    [{ FORCE_COLOR: '1', CI: 'true' }, false, undefined, true],
    [{ FORCE_COLOR: '0' }, true, undefined, true],
    [{ NO_COLOR: '1' }, false, true, true],
    [{}, true, false, false],
    [{ TERM: 'dumb' }, true, undefined, false],
  ])('env %j, tty %s, --color %s → %s', (env, tty, flag, expected) => {
    expect(colorEnabled(env, tty, flag)).toBe(expected);
  });

  it('redraws progress only on a terminal outside CI', () => {
    expect(progressEnabled({}, true)).toBe(true);
    expect(progressEnabled({ CI: '1' }, true)).toBe(false);
    expect(progressEnabled({}, false)).toBe(false);
  });

  it('draws done/total and leaks, and clears the line before the report', () => {
    const writes: string[] = [];
    const line = createProgressLine({ write: (s) => writes.push(s), columns: 80 }, true, 3);
    line.packageDone(false);
    line.packageDone(true);
    line.clear();
    expect(writes).toEqual([
      '\r\x1b[Kgoleak-run: 0/3 packages, 0 leaks',
      '\r\x1b[Kgoleak-run: 1/3 packages, 0 leaks',
      '\r\x1b[Kgoleak-run: 2/3 packages, 1 leak',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when disabled', () => {
    const writes: string[] = [];
    const line = createProgressLine({ write: (s) => writes.push(s) }, false, 3);
    line.packageDone(true);
    line.clear();
    expect(writes).toEqual([]);
  });
});

// A goroutine caught in a perturbation pause is the user's, never the check's own.
import { describe, expect, it } from 'vitest';
import { isOwnCheckGoroutine } from '../../src/classify/builtin-ignores.js';
import { parseDump } from '../../src/parse/index.js';

const paused = `goroutine 7 [runnable]:
runtime.Gosched()
	/go/src/runtime/proc.go:353 +0x14
example.com/flaky/hedge.goleakrunPerturb(0x1)
	/m/hedge/goleakrun_perturb.go:80 +0x1d7
example.com/flaky/hedge.Call.func1()
	/m/hedge/hedge.go:15 +0x31
created by example.com/flaky/hedge.Call in goroutine 6
	/m/hedge/hedge.go:13 +0xb9
`;

describe('isOwnCheckGoroutine', () => {
  it('keeps a user goroutine paused at a perturbation point, and still knows the check by its frames', () => {
    const [g] = parseDump(paused).goroutines;
    expect(g).toBeDefined();
    expect(isOwnCheckGoroutine(g!)).toBe(false);
    const check = {
      ...g!,
      frames: [{ func: 'example.com/flaky/hedge.goleakrunCheck', args: '', file: '/m/x.go', line: 1 }],
    };
    expect(isOwnCheckGoroutine(check)).toBe(true);
  });
});

// The command that runs a finding chunk again.
import { describe, expect, it } from 'vitest';
import { REPRODUCE_FACTOR, reproduceCommand, reproduceCount, shellQuote } from '../../src/stress/reproduce.js';

const chunk = { index: 3, count: 40, cpu: [1, 4], shuffle: '123', perturbSeed: 987, timeoutMs: 10_000 };
const carried = { dir: '.', ignores: [], useConfig: true, useBaseline: true };

describe('reproduceCommand', () => {
  it('names the package, the seeds, -cpu and the -count the reproduction needs', () => {
    expect(reproduceCommand({ carried, importPath: 'example.com/m/p', chunk, perRoundMs: 0.1, goTestArgs: [] })).toBe(
      `goleak-run --stress-perturb=987 example.com/m/p -- -count=${40 * REPRODUCE_FACTOR} -cpu=1,4 -shuffle=123 -timeout=10000ms`,
    );
  });

  it("carries the options that change what a run finds, and the user's go test flags, -args last", () => {
    const command = reproduceCommand({
      carried: {
        dir: 'svc',
        maxWait: '500ms',
        ignores: [['ignore-top', 'x.(*W).run']],
        useConfig: false,
        useBaseline: false,
      },
      importPath: 'example.com/m/p',
      chunk: { ...chunk, perturbSeed: undefined, shuffle: 'off' },
      perRoundMs: 1,
      goTestArgs: ['-race', '-count', '3', '-run', 'Test A', '-timeout=1m', '-args', '-count=9'],
    });
    expect(command).toBe(
      "goleak-run -C svc --max-wait=500ms '--ignore-top=x.(*W).run' --no-config --no-baseline example.com/m/p -- " +
        `-count=${40 * REPRODUCE_FACTOR} -cpu=1,4 -shuffle=off -timeout=10000ms -race -run 'Test A' -args -count=9`,
    );
  });

  it("runs up to 20 times the chunk's rounds, within half its -timeout, never fewer than the chunk", () => {
    expect(reproduceCount(chunk, 1)).toBe(40 * REPRODUCE_FACTOR);
    // 10 s and 2 -cpu values at 20 ms a round: 125 rounds fit in half the time-out.
    expect(reproduceCount(chunk, 20)).toBe(125);
    expect(reproduceCount(chunk, 1000)).toBe(40);
    expect(reproduceCount(chunk, undefined)).toBe(40);
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote('plain-word_1.2/x=y')).toBe('plain-word_1.2/x=y');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });
});

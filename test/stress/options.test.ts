// --stress and --stress-perturb, and the go test flags sorted for a build once and many direct runs.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseGoTestFlags } from '../../src/run/go-test-flags.js';
import { splitStressFlags } from '../../src/stress/stress-flags.js';
import { parseStressRequest } from '../../src/stress/stress-options.js';
import { checkStress } from '../../src/stress/stress-setup.js';

const split = (args: string[]) => splitStressFlags(parseGoTestFlags(args));

describe('parseStressRequest', () => {
  it('reads a Go duration and the perturbation mode', () => {
    expect(parseStressRequest('30s', undefined)).toEqual({ budgetMs: 30_000, perturb: 'on', perturbGiven: false });
    expect(parseStressRequest('1m30s', 'off')).toEqual({ budgetMs: 90_000, perturb: 'off', perturbGiven: true });
    expect(parseStressRequest('2s', '12345')).toEqual({ budgetMs: 2000, perturb: 12345, perturbGiven: true });
    expect(parseStressRequest(undefined, '7')).toEqual({ perturb: 7, perturbGiven: true });
  });

  it.each([
    ['5', undefined, 'expected --stress to be a Go duration like 500ms, 2s or 1m30s, found "5"'],
    ['500ms', undefined, 'expected --stress between 1s and 24h per package, found 500ms'],
    ['25h', undefined, 'expected --stress between 1s and 24h per package, found 25h'],
    ['10s', 'sometimes', 'expected --stress-perturb to be on, off or a seed (a positive integer), found "sometimes"'],
    ['10s', '0', 'expected --stress-perturb to be on, off or a seed (a positive integer), found "0"'],
    ['10s', '-3', 'expected --stress-perturb to be on, off or a seed (a positive integer), found "-3"'],
    [
      '10s',
      '99999999999999999',
      'expected --stress-perturb to be on, off or a seed (a positive integer), found "99999999999999999"',
    ],
    [undefined, 'on', 'expected --stress DURATION or a seed with --stress-perturb=on, found neither'],
  ])('refuses --stress %s --stress-perturb %s in one line', (stress, perturb, message) => {
    expect(() => parseStressRequest(stress, perturb)).toThrow(new UsageError(message));
  });
});

describe('splitStressFlags', () => {
  it('sends build flags to go test -c and test flags to each run, as -test.name=value', () => {
    const flags = split([
      '-race',
      '-tags',
      'integration',
      '-run',
      '^TestA$',
      '-short',
      '-v',
      '-parallel=4',
      '-failfast',
    ]);
    expect(flags.build).toEqual(['-race', '-tags=integration']);
    expect(flags.test).toEqual(['-test.run=^TestA$', '-test.short', '-test.parallel=4', '-test.failfast']);
  });

  it('keeps -cpu, -shuffle and -timeout for the loop to honour', () => {
    const flags = split(['-cpu=1,4', '-shuffle', '42', '-timeout=90s']);
    expect(flags).toMatchObject({ cpu: [1, 4], shuffle: '42', timeoutMs: 90_000, test: [], build: [] });
  });

  it('passes -args through, last', () => {
    expect(split(['-run', 'X', '-args', '-custom', 'value']).binaryArgs).toEqual(['-custom', 'value']);
  });

  it.each([
    [
      ['-count=3'],
      'expected no -count with --stress, found -count=3: the stress loop chooses -count for each chunk of runs',
    ],
    [
      ['-coverprofile', 'c.out'],
      'expected no -coverprofile with --stress, found -coverprofile=c.out: coverage of thousands of runs would be written over at every run',
    ],
    [['-bench=.'], 'expected no -bench with --stress, found -bench=.: the stress loop runs tests, not benchmarks'],
    [['-cpu=0'], 'expected -cpu to be a list of positive numbers, found -cpu=0'],
    [['-args', '-test.count=2'], 'expected -count before -args with --stress, found -test.count=2 after it'],
  ])('refuses %j', (args, message) => {
    expect(() => split(args)).toThrow(new UsageError(message));
  });

  it('is only asked for with --stress: a perturbation seed alone runs go test as it is', () => {
    expect(checkStress({}, parseGoTestFlags(['-count=3']))).toBeUndefined();
    expect(checkStress({ stressPerturb: '9' }, parseGoTestFlags(['-count=3']))?.request.perturb).toBe(9);
    expect(() => checkStress({ stress: '9s' }, parseGoTestFlags(['-count=3']))).toThrow(UsageError);
  });
});

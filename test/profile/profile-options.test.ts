import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseProfileArgs } from '../../src/profile/profile-options.js';

const run = (argv: string[]) => {
  const parsed = parseProfileArgs(argv);
  if (parsed.kind !== 'run') throw new Error('expected run');
  return parsed.options;
};

describe('parseProfileArgs', () => {
  it('prints its help', async () => {
    const parsed = parseProfileArgs(['--help']);
    expect(parsed.kind).toBe('print');
    if (parsed.kind !== 'print') return;
    await expect(parsed.text).toMatchFileSnapshot('__golden__/profile-help.txt');
  });

  it("defaults to one sample of debug=2 with LeakProf's threshold, the leak profile and the config", () => {
    expect(run(['a.pb.gz', 'http://h:6060/debug/pprof/'])).toEqual({
      sources: ['a.pb.gz', 'http://h:6060/debug/pprof/'],
      threshold: 10_000,
      samples: 1,
      debug: 2,
      timeoutMs: 30_000,
      leakProfile: true,
      useConfig: true,
      ignoreTop: [],
      ignoreAny: [],
      ignoreCreatedBy: [],
      verbose: false,
    });
  });

  it('reads sampling, rules and outputs', () => {
    const o = run([
      '--samples',
      '5',
      '--interval',
      '1m30s',
      '--threshold',
      '500',
      '--debug',
      '0',
      '--timeout',
      '2s',
      '--no-leak-profile',
      '--ignore-top',
      'a.F',
      '--ignore-any',
      'b.G*',
      '--ignore-created-by',
      'c.H',
      '--json',
      'r.json',
      '--no-config',
      '-v',
      'http://h/',
    ]);
    expect(o).toMatchObject({
      samples: 5,
      intervalMs: 90_000,
      threshold: 500,
      debug: 0,
      timeoutMs: 2000,
      leakProfile: false,
    });
    expect(o).toMatchObject({
      ignoreTop: ['a.F'],
      ignoreAny: ['b.G*'],
      ignoreCreatedBy: ['c.H'],
      json: 'r.json',
      useConfig: false,
      verbose: true,
    });
  });

  it('refuses contradictions in one line', () => {
    expect(() => run(['--config', 'c.yaml', '--no-config', 'x'])).toThrow(
      new UsageError('expected at most one of --config and --no-config, found both'),
    );
    expect(() => run(['--interval', '5s', 'http://h/'])).toThrow(
      new UsageError('expected --samples with --interval, found none'),
    );
    expect(() => run(['--timeout', '0s', 'x'])).toThrow(
      new UsageError('expected --timeout to be a positive duration, found "0s"'),
    );
    expect(() => run(['--samples', 'many', 'x'])).toThrow(
      new UsageError('expected --samples to be a whole number of at least 1, found "many"'),
    );
    expect(() => run(['--bogus', 'x'])).toThrow(new UsageError("unknown option '--bogus'"));
  });
});

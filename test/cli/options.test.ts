import { describe, expect, it } from 'vitest';
import { buildProgram, parseArgs } from '../../src/cli/options.js';
import { parseMergeArgs } from '../../src/cli/merge-options.js';
import { UsageError } from '../../src/errors.js';

describe('parseArgs', () => {
  it('defaults to ./... in the current directory', () => {
    const parsed = parseArgs([], '1.2.3');
    expect(parsed.kind).toBe('run');
    if (parsed.kind !== 'run') return;
    expect(parsed.options.patterns).toEqual(['./...']);
    expect(parsed.options.dir).toBe('.');
    expect(parsed.options.useBaseline).toBe(true);
    expect(parsed.options.useConfig).toBe(true);
  });

  it('splits go test flags at -- and collects repeatable ignores', () => {
    const parsed = parseArgs(
      ['--ignore-top', 'a.F', '--ignore-top', 'b.G', './x/...', './y', '--', '-race', '-run', 'TestZ'],
      '1',
    );
    if (parsed.kind !== 'run') throw new Error('expected run');
    expect(parsed.options.patterns).toEqual(['./x/...', './y']);
    expect(parsed.options.goTestArgs).toEqual(['-race', '-run', 'TestZ']);
    expect(parsed.options.ignore.top).toEqual(['a.F', 'b.G']);
  });

  it('collects every registered reporter option by name, - included', () => {
    const parsed = parseArgs(
      ['--json', '-', '--junit', 'j.xml', '--no-github-annotations', '--step-summary', 's.md'],
      '1',
    );
    if (parsed.kind !== 'run') throw new Error('expected run');
    expect(parsed.options.reporters).toEqual({
      json: '-',
      junit: 'j.xml',
      'github-annotations': false,
      'step-summary': 's.md',
    });
    const none = parseArgs([], '1');
    expect(none.kind === 'run' && none.options.reporters).toEqual({});
  });

  it('prints the version', () => {
    expect(parseArgs(['--version'], '1.2.3')).toEqual({ kind: 'print', text: '1.2.3\n' });
  });

  it('rejects unknown flags in one line', () => {
    expect(() => parseArgs(['--bogus'], '1')).toThrow(new UsageError("unknown option '--bogus'"));
  });

  it.each([
    [['--update-baseline', '--strict-baseline'], /--update-baseline and --strict-baseline/],
    [['--no-baseline', '--prune-baseline'], /--no-baseline and a baseline action/],
    [['--no-config', '--config', 'x.yaml'], /--no-config and --config/],
    [['--github-annotations', '--no-github-annotations'], /--github-annotations and --no-github-annotations/],
  ])('refuses conflicting flags %j', (args, message) => {
    expect(() => parseArgs(args, '1')).toThrow(message);
  });

  it('reads --shard, --shard-timings and --go-json, and wants --shard beside --shard-timings', () => {
    const parsed = parseArgs(['--shard', '2/3', '--shard-timings', 't.json', '--go-json', '-'], '1');
    expect(parsed.kind === 'run' && parsed.options).toMatchObject({
      shard: '2/3',
      shardTimings: 't.json',
      goJson: '-',
    });
    expect(() => parseArgs(['--shard-timings', 't.json'], '1')).toThrow(
      new UsageError('expected --shard K/N with --shard-timings (the timings balance the shards), found no --shard'),
    );
  });

  it('reads merge options and its reports, and refuses a merge of nothing', () => {
    const parsed = parseMergeArgs(['--json', 'm.json', '--no-github-annotations', 'a.json', 'b.json']);
    expect(parsed).toEqual({
      kind: 'merge',
      options: {
        files: ['a.json', 'b.json'],
        reporters: { json: 'm.json', 'github-annotations': false },
        verbose: false,
      },
    });
    expect(() => parseMergeArgs(['--json', 'm.json'])).toThrow(new UsageError("missing required argument 'reports'"));
  });

  it('renders --help as documented', async () => {
    const parsed = parseArgs(['--help'], '0.0.0-test');
    expect(parsed.kind).toBe('print');
    if (parsed.kind !== 'print') return;
    await expect(parsed.text).toMatchFileSnapshot('__golden__/help.txt');
    expect(buildProgram('x').helpInformation()).toContain('[packages...]');
  });
});

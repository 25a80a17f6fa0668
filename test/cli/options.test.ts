import { describe, expect, it } from 'vitest';
import { buildProgram, parseArgs } from '../../src/cli/options.js';
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
    const parsed = parseArgs(['--json', '-', '--junit', 'j.xml', '--no-github-annotations', '--step-summary', 's.md'], '1');
    if (parsed.kind !== 'run') throw new Error('expected run');
    expect(parsed.options.reporters).toEqual({ json: '-', junit: 'j.xml', 'github-annotations': false, 'step-summary': 's.md' });
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

  it('renders --help as documented', async () => {
    const parsed = parseArgs(['--help'], '0.0.0-test');
    expect(parsed.kind).toBe('print');
    if (parsed.kind !== 'print') return;
    await expect(parsed.text).toMatchFileSnapshot('__golden__/help.txt');
    expect(buildProgram('x').helpInformation()).toContain('[packages...]');
  });
});

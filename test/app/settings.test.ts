import { describe, expect, it } from 'vitest';
import { parseArgs, type CliOptions } from '../../src/cli/options.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseGoTestFlags } from '../../src/run/go-test-flags.js';
import { buildSettings, DEFAULT_MAX_WAIT_MS, type ConfigDefaults, type Settings } from '../../src/app/settings.js';

function cli(argv: string[]): CliOptions {
  const parsed = parseArgs(argv, '0');
  if (parsed.kind !== 'run') throw new Error('expected options');
  return parsed.options;
}

const base = { env: {}, cwd: '/work', moduleDir: '/work/mod', parseDuration };

describe('buildSettings', () => {
  it('uses defaults: 2s wait, baseline at the module root, no reporters, no annotations', () => {
    const s = buildSettings({ ...base, cli: cli([]), flags: parseGoTestFlags([]), config: undefined });
    expect(s).toMatchObject({
      maxWaitMs: DEFAULT_MAX_WAIT_MS,
      rules: [],
      baselinePath: '/work/mod/goleak-baseline.yaml',
      outputs: [],
      streams: [],
      partialTests: false,
    });
  });

  it('lets the command line win over the config, and resolves each path against its own base', () => {
    const config: ConfigDefaults = {
      maxWaitMs: 900,
      baseline: 'leaks/baseline.yaml',
      reporters: { junit: 'out/junit.xml', json: 'out/report.json' },
      rules: [{ kind: 'top', func: 'a.F', reason: 'r', origin: 'config' }],
      dir: '/work/mod',
    };
    const s = buildSettings({
      ...base,
      cli: cli(['--max-wait', '250ms', '--json', 'mine.json', '--ignore-any', 'b.G']),
      flags: parseGoTestFlags([]),
      config,
    });
    expect(s.maxWaitMs).toBe(250);
    expect(outputs(s)).toEqual([
      ['json', '--json', '/work/mine.json'],
      ['junit', 'reporters.junit', '/work/mod/out/junit.xml'],
    ]);
    expect(s.baselinePath).toBe('/work/mod/leaks/baseline.yaml');
    expect(s.rules.map((r) => `${r.origin}:${r.kind}:${r.func}`)).toEqual(['config:top:a.F', 'cli:any:b.G']);
  });

  it('turns GitHub output on in GitHub Actions, with the step summary file', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/runner/summary.md' };
    const s = buildSettings({ ...base, env, cli: cli([]), flags: parseGoTestFlags([]), config: undefined });
    expect(s.streams.map((r) => r.name)).toEqual(['github-annotations']);
    expect(outputs(s)).toEqual([['step-summary', '--step-summary', '/runner/summary.md']]);
    const off = buildSettings({
      ...base,
      env,
      cli: cli(['--no-github-annotations']),
      flags: parseGoTestFlags([]),
      config: undefined,
    });
    expect(off.streams).toEqual([]);
    expect(off.outputs).toEqual([]);
    const config: ConfigDefaults = { reporters: { githubAnnotations: false }, rules: [], dir: '/work/mod' };
    expect(buildSettings({ ...base, env, cli: cli([]), flags: parseGoTestFlags([]), config }).streams).toEqual([]);
  });

  it('marks -run and -skip runs as partial, and --no-baseline drops the baseline', () => {
    expect(
      buildSettings({ ...base, cli: cli([]), flags: parseGoTestFlags(['-run', 'TestA']), config: undefined })
        .partialTests,
    ).toBe(true);
    expect(
      buildSettings({ ...base, cli: cli(['--no-baseline']), flags: parseGoTestFlags([]), config: undefined })
        .baselinePath,
    ).toBeUndefined();
  });

  it('reads - as stdout for every file reporter, from the command line or the config', () => {
    for (const name of ['json', 'junit', 'tap', 'step-summary']) {
      const s = buildSettings({
        ...base,
        cli: cli([`--${name}`, '-']),
        flags: parseGoTestFlags([]),
        config: undefined,
      });
      expect(s.outputs.map((o) => [o.reporter.name, o.to])).toEqual([[name, { kind: 'stdout' }]]);
    }
    const config: ConfigDefaults = { reporters: { json: '-' }, rules: [], dir: '/work/mod' };
    expect(outputs(buildSettings({ ...base, cli: cli([]), flags: parseGoTestFlags([]), config }))).toEqual([
      ['json', 'reporters.json', 'stdout'],
    ]);
  });

  it('refuses two reports on stdout, two reports in one file, and an empty file name', () => {
    const settings = (argv: string[], config?: ConfigDefaults) => () =>
      buildSettings({ ...base, cli: cli(argv), flags: parseGoTestFlags([]), config });
    expect(settings(['--json', '-', '--tap', '-'])).toThrow(
      'expected at most one report on stdout (-), found --json and --tap',
    );
    expect(settings(['--tap', '-'], { reporters: { junit: '-' }, rules: [], dir: '/work/mod' })).toThrow(
      'expected at most one report on stdout (-), found reporters.junit and --tap',
    );
    expect(settings(['--json', 'r.out', '--junit', '/work/r.out'])).toThrow(
      'expected a different file for each report, found --json and --junit both at /work/r.out',
    );
    expect(settings(['--json', ''])).toThrow(
      'expected a file name (or - for stdout) for --json, found an empty string',
    );
  });

  it('bounds --max-wait at one hour and refuses an empty ignore function', () => {
    const settings = (argv: string[]) =>
      buildSettings({ ...base, cli: cli(argv), flags: parseGoTestFlags([]), config: undefined });
    expect(settings(['--max-wait', '1h']).maxWaitMs).toBe(3_600_000);
    expect(() => settings(['--max-wait', '3000000h'])).toThrow('expected --max-wait to be at most 1h, found 3000000h');
    expect(() => settings(['--max-wait', '1h0m0.001s'])).toThrow(
      'expected --max-wait to be at most 1h, found 1h0m0.001s',
    );
    expect(() => settings(['--ignore-top', ' '])).toThrow(
      'expected a function name after --ignore-top, found an empty string',
    );
  });
});

function outputs(s: Settings): string[][] {
  return s.outputs.map((o) => [o.reporter.name, o.source, o.to.kind === 'file' ? o.to.path : 'stdout']);
}

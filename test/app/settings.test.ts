import { describe, expect, it } from 'vitest';
import { parseArgs, type CliOptions } from '../../src/cli/options.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseGoTestFlags } from '../../src/run/go-test-flags.js';
import { buildSettings, DEFAULT_MAX_WAIT_MS, type ConfigDefaults } from '../../src/app/settings.js';

function cli(argv: string[]): CliOptions {
  const parsed = parseArgs(argv, '0');
  if (parsed.kind !== 'run') throw new Error('expected options');
  return parsed.options;
}

const base = { env: {}, cwd: '/work', moduleDir: '/work/mod', parseDuration };

describe('buildSettings', () => {
  it('uses defaults: 2s wait, baseline at the module root, no reporters, no annotations', () => {
    const s = buildSettings({ ...base, cli: cli([]), flags: parseGoTestFlags([]), config: undefined });
    expect(s).toMatchObject({ maxWaitMs: DEFAULT_MAX_WAIT_MS, rules: [], baselinePath: '/work/mod/goleak-baseline.yaml', githubAnnotations: false, partialTests: false });
    expect(s.json).toBeUndefined();
  });

  it('lets the command line win over the config, and resolves each path against its own base', () => {
    const config: ConfigDefaults = {
      maxWaitMs: 900,
      baseline: 'leaks/baseline.yaml',
      junit: 'out/junit.xml',
      json: 'out/report.json',
      rules: [{ kind: 'top', func: 'a.F', reason: 'r', origin: 'config' }],
      dir: '/work/mod',
    };
    const s = buildSettings({ ...base, cli: cli(['--max-wait', '250ms', '--json', 'mine.json', '--ignore-any', 'b.G']), flags: parseGoTestFlags([]), config });
    expect(s.maxWaitMs).toBe(250);
    expect(s.json).toBe('/work/mine.json');
    expect(s.junit).toBe('/work/mod/out/junit.xml');
    expect(s.baselinePath).toBe('/work/mod/leaks/baseline.yaml');
    expect(s.rules.map((r) => `${r.origin}:${r.kind}:${r.func}`)).toEqual(['config:top:a.F', 'cli:any:b.G']);
  });

  it('turns GitHub output on in GitHub Actions, with the step summary file', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '/runner/summary.md' };
    const s = buildSettings({ ...base, env, cli: cli([]), flags: parseGoTestFlags([]), config: undefined });
    expect(s.githubAnnotations).toBe(true);
    expect(s.stepSummary).toBe('/runner/summary.md');
    const off = buildSettings({ ...base, env, cli: cli(['--no-github-annotations']), flags: parseGoTestFlags([]), config: undefined });
    expect(off.githubAnnotations).toBe(false);
    expect(off.stepSummary).toBeUndefined();
  });

  it('marks -run and -skip runs as partial, and --no-baseline drops the baseline', () => {
    expect(buildSettings({ ...base, cli: cli([]), flags: parseGoTestFlags(['-run', 'TestA']), config: undefined }).partialTests).toBe(true);
    expect(buildSettings({ ...base, cli: cli(['--no-baseline']), flags: parseGoTestFlags([]), config: undefined }).baselinePath).toBeUndefined();
  });

  it('keeps --tap - for stdout and refuses an empty ignore function', () => {
    expect(buildSettings({ ...base, cli: cli(['--tap', '-']), flags: parseGoTestFlags([]), config: undefined }).tap).toBe('-');
    expect(() => buildSettings({ ...base, cli: cli(['--ignore-top', ' ']), flags: parseGoTestFlags([]), config: undefined })).toThrow(
      'expected a function name after --ignore-top, found an empty string',
    );
  });
});

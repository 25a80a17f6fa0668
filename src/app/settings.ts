// Pure merge of command-line options over config-file defaults into the settings of one run.
import { isAbsolute, resolve } from 'node:path';
import type { IgnoreRule } from '../model.js';
import type { CliOptions } from '../cli/options.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { UsageError } from '../errors.js';

/** Default time leftover goroutines get to finish: long enough for a deferred Close to land. */
export const DEFAULT_MAX_WAIT_MS = 2000;
/** Baseline file name at the module root when neither the CLI nor the config names one. */
export const DEFAULT_BASELINE = 'goleak-baseline.yaml';

/** The subset of the config file the run needs (the config module's full type may carry more). */
export interface ConfigDefaults {
  maxWaitMs?: number;
  baseline?: string;
  junit?: string;
  json?: string;
  tap?: string;
  githubAnnotations?: boolean;
  rules: IgnoreRule[];
  /** Directory relative paths in the config are resolved against. */
  dir: string;
}

/** Everything decided before the run starts; report paths are absolute here (or `-` for TAP on stdout). */
export interface Settings
  extends Pick<CliOptions, 'updateBaseline' | 'pruneBaseline' | 'strictBaseline' | 'json' | 'junit' | 'tap' | 'stepSummary' | 'verbose'> {
  maxWaitMs: number;
  /** User rules (config, then CLI); the built-in ones are added where they are applied. */
  rules: IgnoreRule[];
  baselinePath?: string;
  githubAnnotations: boolean;
  /** The run covers a subset of tests (-run/-skip): baseline entries of tests that did not run are not stale. */
  partialTests: boolean;
}

/** Merges CLI over config over defaults; CLI paths are relative to cwd, config paths to the config's directory. */
export function buildSettings(opts: {
  cli: CliOptions;
  flags: GoTestFlags;
  config: ConfigDefaults | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  moduleDir: string;
  parseDuration: (text: string) => number;
}): Settings {
  const { cli, config, cwd } = opts;
  const fromCli = (p: string | undefined): string | undefined => (p === undefined || p === '-' || isAbsolute(p) ? p : resolve(cwd, p));
  const fromConfig = (p: string | undefined): string | undefined =>
    p === undefined || !config ? undefined : isAbsolute(p) ? p : resolve(config.dir, p);
  const cliRules = [
    ...cli.ignoreTop.map((func) => cliRule('top', func)),
    ...cli.ignoreAny.map((func) => cliRule('any', func)),
    ...cli.ignoreCreatedBy.map((func) => cliRule('created-by', func)),
  ];
  let maxWaitMs = config?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (cli.maxWait !== undefined) maxWaitMs = opts.parseDuration(cli.maxWait);
  if (maxWaitMs < 0) throw new UsageError(`expected --max-wait to be zero or more, found ${cli.maxWait}`);
  const settings: Settings = {
    maxWaitMs,
    rules: [...(config?.rules ?? []), ...cliRules],
    updateBaseline: cli.updateBaseline,
    pruneBaseline: cli.pruneBaseline,
    strictBaseline: cli.strictBaseline,
    githubAnnotations: cli.githubAnnotations ?? config?.githubAnnotations ?? opts.env.GITHUB_ACTIONS === 'true',
    verbose: cli.verbose,
    partialTests: opts.flags.run !== undefined || opts.flags.skip !== undefined,
  };
  if (cli.useBaseline) {
    settings.baselinePath =
      fromCli(cli.baseline) ?? fromConfig(config?.baseline) ?? resolve(opts.moduleDir, DEFAULT_BASELINE);
  }
  const json = fromCli(cli.json) ?? fromConfig(config?.json);
  const junit = fromCli(cli.junit) ?? fromConfig(config?.junit);
  const tap = fromCli(cli.tap) ?? fromConfig(config?.tap);
  const stepSummary = cli.stepSummary ?? (settings.githubAnnotations ? opts.env.GITHUB_STEP_SUMMARY : undefined);
  if (json !== undefined) settings.json = json;
  if (junit !== undefined) settings.junit = junit;
  if (tap !== undefined) settings.tap = tap;
  if (stepSummary) settings.stepSummary = fromCli(stepSummary) as string;
  return settings;
}

function cliRule(kind: IgnoreRule['kind'], func: string): IgnoreRule {
  if (func.trim() === '') throw new UsageError(`expected a function name after --ignore-${kind}, found an empty string`);
  return { kind, func, reason: 'given on the command line', origin: 'cli' };
}

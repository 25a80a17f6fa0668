// Pure merge of command-line options over config-file defaults into the settings of one run.
import { isAbsolute, resolve } from 'node:path';
import type { IgnoreRule } from '../model.js';
import { RULE_KIND_NAMES, RULE_KINDS } from '../rule-kinds.js';
import type { CliOptions } from '../cli/options.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { MAX_WAIT_LIMIT, MAX_WAIT_LIMIT_MS } from '../config/duration.js';
import { UsageError } from '../errors.js';
import { parseShardSpec, type ShardSpec } from '../shard/shard-spec.js';
import {
  REPORTERS,
  reporterKey,
  type Destination,
  type FileReporter,
  type StreamReporter,
} from '../report/reporters.js';

/** Default time leftover goroutines get to finish: long enough for a deferred Close to land. */
export const DEFAULT_MAX_WAIT_MS = 2000;
/** Baseline file name at the module root when neither the CLI nor the config names one. */
const DEFAULT_BASELINE = 'goleak-baseline.yaml';

/** The subset of the config file the run needs (the config module's full type may carry more). */
export interface ConfigDefaults {
  maxWaitMs?: number;
  baseline?: string;
  /** By reporter key (`json`, `githubAnnotations`): a path relative to `dir` (`-` = stdout), or on/off. */
  reporters?: Record<string, string | boolean>;
  rules: IgnoreRule[];
  /** Directory relative paths in the config are resolved against. */
  dir: string;
}

/** A file reporter and where its text goes. */
export interface ReportOutput {
  reporter: FileReporter;
  to: Destination;
  /** How the user named it, for messages: `--json` or `reporters.json`. */
  source: string;
}

/** Everything decided before the run starts; report paths are absolute here. */
export interface Settings extends Pick<CliOptions, 'updateBaseline' | 'pruneBaseline' | 'strictBaseline' | 'verbose'> {
  maxWaitMs: number;
  /** User rules (config, then CLI); the built-in ones are added where they are applied. */
  rules: IgnoreRule[];
  baselinePath?: string;
  /** File reporters to run, in registry order; at most one writes to stdout. */
  outputs: ReportOutput[];
  /** Stream reporters switched on (printed after the console report), in registry order. */
  streams: StreamReporter[];
  /** The run covers a subset of tests (-run/-skip): baseline entries of tests that did not run are not stale. */
  partialTests: boolean;
  /** `--go-json`: where the go test -json stream goes (with leaks as failed tests). */
  goJson?: Destination;
  /** `--shard K/N`: the part of the packages this run covers. */
  shard?: ShardSpec;
  /** `--shard-timings`: absolute path of the earlier JSON report that balances the shards. */
  shardTimings?: string;
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
  const cliRules = RULE_KIND_NAMES.flatMap((kind) => cli.ignore[kind].map((func) => cliRule(kind, func)));
  let maxWaitMs = config?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (cli.maxWait !== undefined) {
    maxWaitMs = opts.parseDuration(cli.maxWait);
    // The wait ends up in a Go constant of the generated TestMain: a typo such as 3000000h must
    // be one clear line here, not a Go build failure in a file the user never wrote.
    if (maxWaitMs > MAX_WAIT_LIMIT_MS)
      throw new UsageError(`expected --max-wait to be at most ${MAX_WAIT_LIMIT}, found ${cli.maxWait}`);
  }
  const settings: Settings = {
    maxWaitMs,
    rules: [...(config?.rules ?? []), ...cliRules],
    updateBaseline: cli.updateBaseline,
    pruneBaseline: cli.pruneBaseline,
    strictBaseline: cli.strictBaseline,
    ...chooseReporters({ cli, config, env: opts.env, cwd }),
    ...(cli.goJson !== undefined ? { goJson: destination(cli.goJson, cwd, '--go-json') } : {}),
    ...(cli.shard !== undefined ? { shard: parseShardSpec(cli.shard) } : {}),
    ...(cli.shardTimings !== undefined ? { shardTimings: resolve(cwd, cli.shardTimings) } : {}),
    verbose: cli.verbose,
    partialTests: opts.flags.run !== undefined || opts.flags.skip !== undefined,
  };
  checkOutputs(settings.outputs, settings.goJson);
  if (cli.useBaseline) {
    const fromConfig = config?.baseline === undefined ? undefined : resolve(config.dir, config.baseline);
    settings.baselinePath =
      (cli.baseline === undefined ? undefined : resolve(cwd, cli.baseline)) ??
      fromConfig ??
      resolve(opts.moduleDir, DEFAULT_BASELINE);
  }
  return settings;
}

/**
 * The reporters to run, from the options, the config and their defaults. Stream reporters first: a
 * file reporter's default may depend on them (the step summary on annotations).
 */
export function chooseReporters(opts: {
  cli: Pick<CliOptions, 'reporters'>;
  config: ConfigDefaults | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}): Pick<Settings, 'outputs' | 'streams'> {
  const { cli, config } = opts;
  const fromConfig = (name: string): string | boolean | undefined => config?.reporters?.[reporterKey(name)];
  const streams = REPORTERS.filter((r): r is StreamReporter => r.kind === 'stream').filter((r) => {
    const on = cli.reporters[r.name] ?? fromConfig(r.name) ?? r.defaultOn(opts.env);
    return on === true;
  });
  const isOn = (name: string): boolean => streams.some((r) => r.name === name);
  const outputs: ReportOutput[] = [];
  for (const reporter of REPORTERS) {
    if (reporter.kind !== 'file') continue;
    const given = cli.reporters[reporter.name];
    const configured = fromConfig(reporter.name);
    let output: ReportOutput | undefined;
    if (typeof given === 'string')
      output = { reporter, to: destination(given, opts.cwd, `--${reporter.name}`), source: `--${reporter.name}` };
    else if (typeof configured === 'string' && config) {
      const source = `reporters.${reporterKey(reporter.name)}`;
      output = { reporter, to: destination(configured, config.dir, source), source };
    } else {
      const path = reporter.defaultPath?.(opts.env, isOn);
      if (path !== undefined)
        output = { reporter, to: destination(path, opts.cwd, `--${reporter.name}`), source: `--${reporter.name}` };
    }
    if (output) outputs.push(output);
  }
  return { outputs, streams };
}

function destination(text: string, base: string, source: string): Destination {
  if (text === '-') return { kind: 'stdout' };
  if (text.trim() === '')
    throw new UsageError(`expected a file name (or - for stdout) for ${source}, found an empty string`);
  return { kind: 'file', path: isAbsolute(text) ? text : resolve(base, text) };
}

// Two reports on stdout would interleave into something neither reader can parse; two
// reports in one file would leave only the last.
/** At most one output on stdout, and a file of its own for each. */
export function checkOutputs(reports: ReportOutput[], goJson: Destination | undefined): void {
  // The go test -json stream is one more output with its own file or stdout.
  const outputs: Array<Pick<ReportOutput, 'to' | 'source'>> = goJson
    ? [...reports, { to: goJson, source: '--go-json' }]
    : reports;
  const onStdout = outputs.filter((o) => o.to.kind === 'stdout');
  if (onStdout.length > 1) {
    throw new UsageError(
      `expected at most one report on stdout (-), found ${onStdout.map((o) => o.source).join(' and ')}`,
    );
  }
  const seen = new Map<string, string>();
  for (const o of outputs) {
    if (o.to.kind !== 'file') continue;
    const other = seen.get(o.to.path);
    if (other !== undefined)
      throw new UsageError(
        `expected a different file for each report, found ${other} and ${o.source} both at ${o.to.path}`,
      );
    seen.set(o.to.path, o.source);
  }
}

function cliRule(kind: IgnoreRule['kind'], func: string): IgnoreRule {
  if (func.trim() === '')
    throw new UsageError(`expected a function name after --ignore-${RULE_KINDS[kind].flag}, found an empty string`);
  return { kind, func, reason: 'given on the command line', origin: 'cli' };
}

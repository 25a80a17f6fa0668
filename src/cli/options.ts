// Command-line definition: turns argv into typed options with commander; no I/O of its own.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { RuleKindName } from '../rule-kinds.js';
import { addIgnoreOptions, readIgnoreOptions } from './ignore-options.js';
import { REPORTERS, reporterKey } from '../report/reporters.js';
import { parseShardSpec } from '../shard/shard-spec.js';

/** Everything the user asked for on the command line (config-file defaults are merged later). */
export interface CliOptions {
  dir: string;
  patterns: string[];
  /** go test flags given after `--`. */
  goTestArgs: string[];
  maxWait?: string;
  /** Functions given to `--ignore-<kind>`, by rule kind. */
  ignore: Record<RuleKindName, string[]>;
  config?: string;
  useConfig: boolean;
  baseline?: string;
  useBaseline: boolean;
  updateBaseline: boolean;
  pruneBaseline: boolean;
  strictBaseline: boolean;
  /** Reporter options given, by reporter name: FILE text (`-` included) or on/off; see report/reporters.ts. */
  reporters: Record<string, string | boolean>;
  verbose: boolean;
  color?: boolean;
  /** `--shard K/N` as given. */
  shard?: string;
  /** `--shard-timings FILE`: an earlier JSON report whose package durations balance the shards. */
  shardTimings?: string;
  /** `--go-json FILE|-`: where the go test -json stream goes, with the leaks as test events. */
  goJson?: string;
  /** `--stress DURATION` as given: hunt flaky leaks for up to DURATION per package. */
  stress?: string;
  /** `--stress-perturb on|off|SEED` as given. */
  stressPerturb?: string;
}

/** What parsing produced: options to run with, or text to print (help, version) and exit 0. */
export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'print'; text: string };

/** Builds the commander program; exported so `--help` can be snapshot-tested. */
export function buildProgram(version: string): Command {
  const program = new Command('goleak-run')
    .description(
      'Run go test and report goroutines that outlive the tests: per package, per test, with where they started.',
    )
    .usage('[options] [packages...] [-- go test flags]')
    .version(version, '--version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    // A fixed width keeps --help identical on every terminal (and in its golden test).
    .configureHelp({ helpWidth: 100 })
    .argument('[packages...]', 'Go package patterns, as for go test', ['./...'])
    .option('-C, --dir <dir>', 'run in this directory (inside a Go module or workspace)', '.')
    .option(
      '--max-wait <duration>',
      'how long leftover goroutines may take to finish, e.g. 500ms, 2s (default 2s, at most 1h)',
    );
  addIgnoreOptions(program)
    .option('--config <file>', 'config file (default: .goleak-run.yaml at the module root)')
    .option('--no-config', 'do not read a config file')
    .option('--baseline <file>', "baseline of known leaks (default: the config's, else goleak-baseline.yaml)")
    .option('--no-baseline', 'ignore the baseline: every leak is new')
    .option('--update-baseline', 'record the current leaks as the baseline and exit 0')
    .option('--prune-baseline', 'remove baseline entries that no longer occur')
    .option('--strict-baseline', 'fail when baseline entries no longer occur (ratchet)');
  for (const reporter of REPORTERS) {
    if (reporter.kind === 'file') program.option(`--${reporter.name} <file>`, reporter.help);
    else program.option(`--${reporter.name}`, reporter.help).option(`--no-${reporter.name}`, reporter.offHelp);
  }
  return program
    .option('--go-json <file>', 'write the go test -json stream, with leaks as failed tests, to FILE (- for stdout)')
    .option('--shard <K/N>', 'run part K of N disjoint parts of the packages (CI matrix jobs; see goleak-run merge)')
    .option('--shard-timings <file>', 'balance the parts by the package times of this earlier JSON report')
    .option(
      '--stress <duration>',
      'hunt leaks that show only in some runs: up to DURATION per package (README: flaky leaks)',
    )
    .option(
      '--stress-perturb <mode>',
      'scheduling perturbation of --stress: on (default), off, or a SEED (reproduces a run)',
    )
    .option('-v, --verbose', 'show passing packages and full stacks')
    .addOption(new Option('--color', 'force colours'))
    .addOption(new Option('--no-color', 'disable colours'))
    .addHelpText(
      'after',
      `
Exit codes: 0 clean, 1 leaks or failing tests or build failures, 2 usage, config or tool errors.

Other commands (each has its own --help):
  goleak-run profile SOURCE...        goroutine profiles of running services: where goroutines pile up
  goleak-run merge REPORT.json...     join the JSON reports of --shard jobs into one run's reports

Examples:
  goleak-run                          every package of the module (./...)
  goleak-run ./internal/... -- -race  go test flags after --
  goleak-run --junit leaks.xml --json leaks.json
  goleak-run --update-baseline        record today's leaks; later runs fail only on new ones
  goleak-run --shard 2/4 --json part2.json    one of 4 CI jobs; then: goleak-run merge part*.json
  gotestsum --raw-command -- goleak-run --go-json - ./...`,
    );
}

/** Parses argv (without node and script); commander's errors become one-line UsageErrors. */
export function parseArgs(argv: readonly string[], version: string): ParsedArgs {
  const split = argv.indexOf('--');
  const ours = split === -1 ? [...argv] : argv.slice(0, split);
  const goTestArgs = split === -1 ? [] : argv.slice(split + 1);
  let printed = '';
  const program = buildProgram(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => (printed += s), writeErr: (s) => (printed += s) });
  try {
    program.parse(ours, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { kind: 'print', text: printed };
      throw new UsageError(error.message.replace(/^error: /, ''), { cause: error });
    }
    throw error;
  }
  const o = program.opts();
  const options: CliOptions = {
    dir: o.dir as string,
    patterns: program.processedArgs[0] as string[],
    goTestArgs,
    ignore: readIgnoreOptions(o),
    useConfig: o.config !== false,
    useBaseline: o.baseline !== false,
    updateBaseline: Boolean(o.updateBaseline),
    pruneBaseline: Boolean(o.pruneBaseline),
    strictBaseline: Boolean(o.strictBaseline),
    reporters: {},
    verbose: Boolean(o.verbose),
  };
  if (typeof o.maxWait === 'string') options.maxWait = o.maxWait;
  if (typeof o.config === 'string') options.config = o.config;
  if (typeof o.baseline === 'string') options.baseline = o.baseline;
  for (const reporter of REPORTERS) {
    const value: unknown = o[reporterKey(reporter.name)];
    if (typeof value === (reporter.kind === 'file' ? 'string' : 'boolean'))
      options.reporters[reporter.name] = value as string | boolean;
  }
  if (typeof o.color === 'boolean') options.color = o.color;
  if (typeof o.shard === 'string') {
    // Checked here, before go list, so a typo is the one line the user sees.
    parseShardSpec(o.shard);
    options.shard = o.shard;
  }
  if (typeof o.shardTimings === 'string') options.shardTimings = o.shardTimings;
  if (typeof o.goJson === 'string') options.goJson = o.goJson;
  if (typeof o.stress === 'string') options.stress = o.stress;
  if (typeof o.stressPerturb === 'string') options.stressPerturb = o.stressPerturb;
  checkConflicts(options, ours);
  return { kind: 'run', options };
}

function checkConflicts(o: CliOptions, argv: readonly string[]): void {
  // commander lets the later of --config/--no-config win silently; we want the user told.
  const given = (flag: string): boolean => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  const conflicts: Array<[boolean, string]> = [
    [o.updateBaseline && o.strictBaseline, '--update-baseline and --strict-baseline'],
    [
      o.updateBaseline && o.pruneBaseline,
      '--update-baseline and --prune-baseline (updating already drops stale entries)',
    ],
    [
      !o.useBaseline && (o.updateBaseline || o.pruneBaseline || o.strictBaseline),
      '--no-baseline and a baseline action',
    ],
    [given('--no-config') && given('--config'), '--no-config and --config'],
    [given('--no-baseline') && given('--baseline'), '--no-baseline and --baseline'],
    [given('--color') && given('--no-color'), '--color and --no-color'],
    [
      o.stress !== undefined && o.goJson !== undefined,
      '--stress and --go-json (the stream would hold only the first run)',
    ],
    ...REPORTERS.filter((r) => r.kind === 'stream').map((r): [boolean, string] => [
      given(`--${r.name}`) && given(`--no-${r.name}`),
      `--${r.name} and --no-${r.name}`,
    ]),
  ];
  for (const [bad, what] of conflicts) {
    if (bad) throw new UsageError(`expected at most one of ${what}, found both`);
  }
  if (o.shardTimings !== undefined && o.shard === undefined) {
    throw new UsageError(
      'expected --shard K/N with --shard-timings (the timings balance the shards), found no --shard',
    );
  }
}

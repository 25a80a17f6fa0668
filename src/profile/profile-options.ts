// `goleak-run profile` command line: turns argv into typed options with commander; no I/O.
import { Command, CommanderError, Option } from 'commander';
import { DURATION_HINT, parseDuration } from '../config/duration.js';
import { UsageError } from '../errors.js';
import { MIN_GROWTH_SAMPLES } from './growth.js';
import { DEFAULT_THRESHOLD } from './judge.js';
import { isUrlSource, type DebugLevel } from './pprof-url.js';

/** Everything the user asked for. */
export interface ProfileOptions {
  sources: string[];
  threshold: number;
  samples: number;
  /** Between the starts of two sampling rounds; set when samples > 1. */
  intervalMs?: number;
  debug: DebugLevel;
  timeoutMs: number;
  leakProfile: boolean;
  config?: string;
  useConfig: boolean;
  ignoreTop: string[];
  ignoreAny: string[];
  ignoreCreatedBy: string[];
  json?: string;
  verbose: boolean;
  color?: boolean;
}

/** Options to run with, or text to print (help) and exit 0. */
export type ParsedProfileArgs = { kind: 'run'; options: ProfileOptions } | { kind: 'print'; text: string };

const DEFAULT_TIMEOUT = '30s';
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The commander program of the subcommand; exported so `--help` can be snapshot-tested. */
function buildProfileProgram(): Command {
  return new Command('goleak-run profile')
    .description(
      'Find goroutine leaks in running Go services from their goroutine profiles: goroutines blocked on a\n' +
        'channel or sync operation, added up by code location across instances (the LeakProf heuristic).',
    )
    .usage('[options] <source...>')
    .helpOption('-h, --help', 'show this help')
    .configureHelp({ helpWidth: 100 })
    .argument(
      '<source...>',
      'goroutine profile files (pprof protobuf, gzipped or not; debug=1 or debug=2 text; a crash, -timeout or ' +
        'SIGQUIT dump) or http(s):// URLs of net/http/pprof (the /debug/pprof/ base or its goroutine endpoint); ' +
        'several sources are instances of one service',
    )
    .option(
      '--threshold <n>',
      `flag a location when at least N goroutines are blocked there (default: ${DEFAULT_THRESHOLD})`,
    )
    .option('--samples <n>', `sample the URLs N times, ${MIN_GROWTH_SAMPLES} or more to measure growth (default: 1)`)
    .option('--interval <duration>', 'time between samples, e.g. 30s, 5m (needed with --samples)')
    .addOption(
      new Option('--debug <level>', 'goroutine endpoint form: 2 stacks with wait times, 1 text, 0 protobuf')
        .choices(['0', '1', '2'])
        .default('2'),
    )
    .option('--timeout <duration>', `time-out of each request (default: ${DEFAULT_TIMEOUT})`)
    .option('--no-leak-profile', 'do not read /debug/pprof/goroutineleak (it runs a GC cycle in the service)')
    .option('--config <file>', 'config file for ignore rules (default: .goleak-run.yaml in this directory)')
    .option('--no-config', 'do not read a config file')
    .option(
      '--ignore-top <func>',
      'ignore goroutines whose top function is FUNC (repeatable; FUNC* for a prefix)',
      collect,
    )
    .option('--ignore-any <func>', 'ignore goroutines with FUNC anywhere on their stack (repeatable)', collect)
    .option('--ignore-created-by <func>', 'ignore goroutines created by FUNC (repeatable)', collect)
    .option('--json <file>', 'write the JSON report to FILE (- for stdout; the console report then goes to stderr)')
    .option('-v, --verbose', 'full stacks, and what the readers skipped')
    .addOption(new Option('--color', 'force colours'))
    .addOption(new Option('--no-color', 'disable colours'))
    .addHelpText(
      'after',
      `
Exit codes: 0 no suspects, 1 suspects, 2 bad input or a source that could not be read.

Examples:
  goleak-run profile http://orders-1:6060/debug/pprof/ http://orders-2:6060/debug/pprof/
  goleak-run profile --samples 7 --interval 10m --json leaks.json http://svc:6060/debug/pprof/
  goleak-run profile --threshold 1000 goroutine.pb.gz crash.txt`,
    );
}

/** Parses the arguments after `profile`; commander's errors become one-line UsageErrors. */
export function parseProfileArgs(argv: readonly string[]): ParsedProfileArgs {
  let printed = '';
  const program = buildProfileProgram()
    .exitOverride()
    .configureOutput({ writeOut: (s) => (printed += s), writeErr: (s) => (printed += s) });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { kind: 'print', text: printed };
      throw new UsageError(error.message.replace(/^error: /, ''), { cause: error });
    }
    throw error;
  }
  const o = program.opts();
  const given = (flag: string): boolean => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  if (given('--config') && given('--no-config'))
    throw new UsageError('expected at most one of --config and --no-config, found both');
  if (given('--color') && given('--no-color'))
    throw new UsageError('expected at most one of --color and --no-color, found both');
  const options: ProfileOptions = {
    sources: program.processedArgs[0] as string[],
    threshold: integer('--threshold', o.threshold, DEFAULT_THRESHOLD, 1),
    samples: integer('--samples', o.samples, 1, 1),
    debug: Number(o.debug) as DebugLevel,
    timeoutMs: positiveDuration('--timeout', (o.timeout as string | undefined) ?? DEFAULT_TIMEOUT),
    leakProfile: o.leakProfile !== false,
    useConfig: o.config !== false,
    ignoreTop: (o.ignoreTop as string[] | undefined) ?? [],
    ignoreAny: (o.ignoreAny as string[] | undefined) ?? [],
    ignoreCreatedBy: (o.ignoreCreatedBy as string[] | undefined) ?? [],
    verbose: Boolean(o.verbose),
  };
  if (typeof o.config === 'string') options.config = o.config;
  if (typeof o.json === 'string') options.json = o.json;
  if (typeof o.color === 'boolean') options.color = o.color;
  checkSampling(options, o.interval as string | undefined);
  return { kind: 'run', options };
}

function checkSampling(options: ProfileOptions, interval: string | undefined): void {
  if (options.samples > 1 && options.samples < MIN_GROWTH_SAMPLES) {
    throw new UsageError(
      `expected --samples 1, or ${MIN_GROWTH_SAMPLES} or more to judge growth, found ${options.samples}`,
    );
  }
  if (options.samples > 1 && interval === undefined)
    throw new UsageError('expected --interval with --samples, found none');
  if (options.samples === 1 && interval !== undefined)
    throw new UsageError('expected --samples with --interval, found none');
  if (interval !== undefined) options.intervalMs = positiveDuration('--interval', interval);
  if (options.samples > 1 && !options.sources.some(isUrlSource)) {
    throw new UsageError('expected an http(s):// URL to sample with --samples, found only files');
  }
}

function integer(flag: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`expected ${flag} to be a whole number of at least ${min}, found "${text}"`);
  return n;
}

function positiveDuration(flag: string, text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (cause) {
    throw new UsageError(`expected ${flag} to be ${DURATION_HINT}, found "${text}"`, { cause });
  }
  if (ms <= 0) throw new UsageError(`expected ${flag} to be a positive duration, found "${text}"`);
  return ms;
}

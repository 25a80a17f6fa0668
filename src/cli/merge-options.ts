// Command-line definition of `goleak-run merge`: the report options of a run, and the shard reports.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { REPORTERS, reporterKey } from '../report/reporters.js';

/** What `goleak-run merge` was asked for. */
interface MergeOptions {
  /** The shards' JSON reports, as given. */
  files: string[];
  /** Reporter options, by reporter name, as in CliOptions. */
  reporters: Record<string, string | boolean>;
  verbose: boolean;
  color?: boolean;
}

/** Options to merge with, or text to print (help) and exit 0. */
export type ParsedMergeArgs = { kind: 'merge'; options: MergeOptions } | { kind: 'print'; text: string };

/** Builds the commander program of `merge`. */
function buildMergeProgram(): Command {
  const program = new Command('goleak-run merge')
    .description(
      'Join the JSON reports of the shards of one run (goleak-run --shard K/N --json FILE) into the reports of a single run.',
    )
    .usage('[report options] REPORT.json...')
    .helpOption('-h, --help', 'show this help')
    .configureHelp({ helpWidth: 100 })
    .argument('<reports...>', 'JSON reports of every shard, 1/N to N/N');
  for (const reporter of REPORTERS) {
    if (reporter.kind === 'file') program.option(`--${reporter.name} <file>`, reporter.help);
    else program.option(`--${reporter.name}`, reporter.help).option(`--no-${reporter.name}`, reporter.offHelp);
  }
  return program
    .option('-v, --verbose', 'show passing packages and full stacks')
    .addOption(new Option('--color', 'force colours'))
    .addOption(new Option('--no-color', 'disable colours'))
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 1 leaks or failing tests in any shard, 2 bad or incomplete shard reports.',
    );
}

/** Parses the arguments after `merge`; commander's errors become one-line UsageErrors. */
export function parseMergeArgs(argv: readonly string[]): ParsedMergeArgs {
  let printed = '';
  const program = buildMergeProgram()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (printed += s),
      writeErr: (s) => (printed += s),
    });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { kind: 'print', text: printed };
      throw new UsageError(error.message.replace(/^error: /, ''), {
        cause: error,
      });
    }
    throw error;
  }
  const o = program.opts();
  const options: MergeOptions = {
    files: program.processedArgs[0] as string[],
    reporters: {},
    verbose: Boolean(o.verbose),
  };
  for (const reporter of REPORTERS) {
    const value: unknown = o[reporterKey(reporter.name)];
    if (typeof value === (reporter.kind === 'file' ? 'string' : 'boolean'))
      options.reporters[reporter.name] = value as string | boolean;
  }
  if (typeof o.color === 'boolean') options.color = o.color;
  return { kind: 'merge', options };
}

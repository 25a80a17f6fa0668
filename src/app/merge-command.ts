// `goleak-run merge REPORT.json...`: reads the shards' JSON reports, checks they are the parts of
// one run, and writes the reports of that run (console, JSON, JUnit, TAP, GitHub) with one exit code.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseMergeArgs } from '../cli/merge-options.js';
import { GoleakRunError, UsageError } from '../errors.js';
import { checkShards, type ReadReport } from '../merge/check-shards.js';
import { mergeReports, shardMismatches } from '../merge/merge-reports.js';
import { checkReportPaths, emitReports, terminalSinks } from './emit-reports.js';
import type { MainDeps } from './main.js';
import { checkOutputs, chooseReporters } from './settings.js';

/** What the merge needs from the outside world: the CLI entry's deps. */
export type MergeDeps = Pick<MainDeps, 'argv' | 'env' | 'cwd' | 'stdout' | 'stderr'>;

/** Runs `goleak-run merge …` (argv[0] is `merge`): 0 clean, 1 leaks or failures in any shard, 2 bad input. */
export async function runMergeCommand(deps: MergeDeps): Promise<number> {
  try {
    return await merge(deps);
  } catch (error) {
    if (error instanceof GoleakRunError) {
      deps.stderr.write(`goleak-run: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

async function merge(deps: MergeDeps): Promise<number> {
  const parsed = parseMergeArgs(deps.argv.slice(1));
  if (parsed.kind === 'print') {
    deps.stdout.write(parsed.text);
    return 0;
  }
  const { options } = parsed;
  const reporters = chooseReporters({
    cli: options,
    config: undefined,
    env: deps.env,
    cwd: deps.cwd,
  });
  checkOutputs(reporters.outputs, undefined);
  const settings = { ...reporters, verbose: options.verbose };
  checkReportPaths(settings);
  const reads = await Promise.all(options.files.map((file) => readReport(resolve(deps.cwd, file), file)));
  const parts = checkShards(reads);
  for (const line of shardMismatches(parts)) deps.stderr.write(`goleak-run: ${line}\n`);
  // Paths in the reports are relative to the module; CI formats print them relative to the
  // repository root, which the shards recorded as the module's place in the repository.
  const repoRoot = deps.env.GITHUB_WORKSPACE || deps.cwd;
  const report = mergeReports(parts, resolve(repoRoot, parts[0]!.report.shard.moduleDir));
  await emitReports(report, settings, terminalSinks(deps, options.color, repoRoot));
  return report.exitCode;
}

async function readReport(path: string, given: string): Promise<ReadReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new UsageError(
      `expected a JSON report to read at ${given}, found ${code === 'ENOENT' ? 'no such file' : String(code)}`,
      { cause },
    );
  }
  try {
    return { file: given, doc: JSON.parse(text) };
  } catch (cause) {
    throw new UsageError(`expected a goleak-run JSON report in ${given}, found text that is not JSON`, { cause });
  }
}

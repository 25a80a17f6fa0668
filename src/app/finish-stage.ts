// What a run does once go test has finished: classification, baseline, report assembly and the
// reporters. main loads it while go test runs, so none of it delays go list or go test.
import type { CommandDeps } from './command-deps.js';
import type { Baseline } from '../baseline/index.js';
import type { Resolution } from '../resolve/resolve-packages.js';
import { setupFailedRun } from '../run/setup-failure.js';
import { finishReport, packageReports } from './assemble-report.js';
import { baselineStep } from './baseline-step.js';
import { emitReports, terminalSinks } from './emit-reports.js';
import type { ExecutedRun } from './execute-run.js';
import { readSource } from './local-files.js';
import { findRepoRoot } from './repo-root.js';
import { saveBaseline } from './run-inputs.js';
import type { Settings } from './settings.js';
import { type ShardSelection, shardInfo } from './shard-step.js';
import type { StressOutcome } from './stress-step.js';

/** What finishing a run takes: what main resolved, ran and loaded. */
export interface FinishInput {
  deps: Pick<CommandDeps, 'stdout' | 'stderr' | 'env' | 'now' | 'version'> & {
    pid: number;
    isRunning: (pid: number) => boolean;
  };
  resolution: Resolution;
  executed: ExecutedRun;
  settings: Settings;
  baseline: Baseline | undefined;
  stressed: StressOutcome | undefined;
  shard: ShardSelection | undefined;
  /** The --color choice from the command line. */
  color: boolean | undefined;
  startedAt: Date;
}

/** Classifies the runs, applies (and maybe writes) the baseline, and emits every report; returns the exit code. */
export async function finishRun(input: FinishInput): Promise<number> {
  const { deps, resolution, executed, settings, shard } = input;
  // go test fails these before building them; we never ran them, and report them as it would.
  executed.runs.push(...resolution.setupFailures.map(setupFailedRun));
  const classified = packageReports({ resolution, executed, settings, readSource });
  const packages = input.stressed ? input.stressed.annotate(classified) : classified;
  const step = (baseline: Baseline | undefined) => baselineStep({ packages, runs: executed.runs, baseline, settings });
  let outcome = step(input.baseline);
  const baselinePath = settings.baselinePath;
  if (outcome.write && baselinePath !== undefined) {
    // Decided again on the file as it is now: another run may have updated it meanwhile.
    outcome = await saveBaseline(baselinePath, step, { pid: deps.pid, isRunning: deps.isRunning });
    if (outcome.write) deps.stderr.write(`goleak-run: ${outcome.write.message}\n`);
  }
  const finished = finishReport({
    resolution,
    packages: outcome.packages,
    stale: outcome.stale,
    settings,
    version: deps.version,
    startedAt: input.startedAt,
    finishedAt: deps.now(),
    warnings: executed.warnings,
  });
  const repoRoot = findRepoRoot(resolution.module.dir, deps.env);
  const report = shard
    ? { ...finished, shard: shardInfo(finished, { ...shard, strictBaseline: settings.strictBaseline, repoRoot }) }
    : finished;
  await emitReports(report, settings, terminalSinks(deps, input.color, repoRoot));
  return report.exitCode;
}

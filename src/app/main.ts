// The whole run, from argv to exit code. The CLI entry injects process, clock and streams.
import { resolve } from 'node:path';
import { parseArgs } from '../cli/options.js';
import { GoleakRunError, UsageError } from '../errors.js';
import { resolvePackages } from '../resolve/resolve-packages.js';
import { parseGoTestFlags } from '../run/go-test-flags.js';
import type { GoTestRun } from '../run/run-go-test.js';
import { createTempDir, type TempDir } from '../run/temp-dir.js';
import { finishReport, packageReports } from './assemble-report.js';
import { baselineStep } from './baseline-step.js';
import { emitReports } from './emit-reports.js';
import { createProgressLine, type TerminalStream } from './progress-line.js';
import { isDirectory, readSource } from './local-files.js';
import { findRepoRoot } from './repo-root.js';
import { loadRunInputs, saveBaseline } from './run-inputs.js';
import { colorEnabled, progressEnabled } from './terminal.js';

/** Everything main needs from the outside world. */
export interface MainDeps {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: TerminalStream;
  stderr: TerminalStream;
  now: () => Date;
  version: string;
  /** Registers a handler for Ctrl-C / SIGTERM; returns its removal. */
  onInterrupt: (handler: () => void) => () => void;
}

/** Exit code of an interrupted run, as a shell reports SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** Runs goleak-run and returns the process exit code (0 clean, 1 leaks or failures, 2 bad input). */
export async function main(deps: MainDeps): Promise<number> {
  let tmp: TempDir | undefined;
  let running: GoTestRun | undefined;
  let interrupted = false;
  const removeInterrupt = deps.onInterrupt(() => {
    interrupted = true;
    void running?.stop();
  });
  try {
    const parsed = parseArgs(deps.argv, deps.version);
    if (parsed.kind === 'print') {
      deps.stdout.write(parsed.text);
      return 0;
    }
    const cli = parsed.options;
    const flags = parseGoTestFlags(cli.goTestArgs);
    const cwd = resolve(deps.cwd, cli.dir);
    if (!isDirectory(cwd)) {
      throw new UsageError(`expected -C ${cli.dir} to be a directory, found none`);
    }
    const startedAt = deps.now();
    const resolving = resolvePackages({ go: 'go', cwd, env: deps.env, patterns: cli.patterns, buildFlags: flags.listFlags });
    // The run stage (and execa with it) loads while go list works: start-up is paid by every run.
    const runStage = import('./execute-run.js');
    const resolution = await resolving;
    const inputs = await loadRunInputs({
      cli,
      flags,
      env: deps.env,
      cwd,
      moduleDir: resolution.module.dir,
      modulePath: resolution.module.path,
    });
    const settings = inputs.settings;
    tmp = await createTempDir();
    const tested = resolution.packages.filter((p) => !p.noTestFiles).length;
    const progress = createProgressLine(deps.stderr, progressEnabled(deps.env, deps.stderr.isTTY === true), tested);
    const { executeRun } = await runStage;
    const executed = await executeRun({
      go: 'go',
      cwd,
      env: deps.env,
      packages: resolution.packages,
      settings,
      flags,
      tmpDir: tmp.path,
      onProgress: (e) => progress.packageDone(e.leaked),
      onStart: (run) => {
        running = run;
        if (interrupted) void run.stop();
      },
    });
    progress.clear();
    if (interrupted) return reportInterrupted(deps);
    const outcome = baselineStep({
      packages: packageReports({ resolution, executed, settings, readSource }),
      runs: executed.runs,
      baseline: inputs.baseline,
      settings,
    });
    if (outcome.write && settings.baselinePath !== undefined) {
      await saveBaseline(settings.baselinePath, outcome.write.baseline);
      deps.stderr.write(`goleak-run: ${outcome.write.message}\n`);
    }
    const report = finishReport({
      resolution,
      packages: outcome.packages,
      stale: outcome.stale,
      settings,
      version: deps.version,
      startedAt,
      finishedAt: deps.now(),
    });
    await emitReports(report, settings, {
      stdout: deps.stdout,
      stderr: deps.stderr,
      color: colorEnabled(deps.env, deps.stdout.isTTY === true, cli.color),
      repoRoot: findRepoRoot(resolution.module.dir, deps.env),
    });
    return report.exitCode;
  } catch (error) {
    if (interrupted) return reportInterrupted(deps);
    if (error instanceof GoleakRunError) {
      deps.stderr.write(`goleak-run: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    removeInterrupt();
    await tmp?.remove();
  }
}

function reportInterrupted(deps: MainDeps): number {
  deps.stderr.write('goleak-run: interrupted; no report or baseline written\n');
  return EXIT_INTERRUPTED;
}

// The whole run, from argv to exit code. The CLI entry injects process, clock, streams and the go binary.
import type { CommandDeps } from './command-deps.js';
import { resolve } from 'node:path';
import { parseArgs } from '../cli/options.js';
import { GoleakRunError, UsageError } from '../errors.js';
import { type Resolution, resolvePackages } from '../resolve/resolve-packages.js';
import { parseGoTestFlags } from '../run/go-test-flags.js';
import type { GoTestRun } from '../run/run-go-test.js';
import { loadTemplates } from '../overlay/load-templates.js';
import { checkKeyPath, loadCheckKey } from '../run/check-key.js';
import { createTempDir, type TempDir } from '../run/temp-dir.js';
import { readUserOverlay } from '../run/user-overlay.js';
import { startWatchdog, type Watchdog } from '../run/watchdog.js';
import { checkStress } from '../stress/stress-setup.js';
import { checkReportPaths } from './report-paths.js';
import { createProgressLine } from './progress-line.js';
import { isDirectory } from './local-files.js';
import { narrowToShard } from './shard-step.js';
import type { GoJsonStep } from './go-json-step.js';
import { writeOverlayFiles } from './overlay-cache.js';
import { loadRunInputs } from './run-inputs.js';
import { confirmResolution, heldWriter, openWarmCache, settleWarmStart } from './warm-start.js';
import { progressEnabled } from './terminal.js';

/** The signals that stop a run, each with the exit code a shell reports for it (128 + its number). */
export const INTERRUPT_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** A signal that stops the run. */
export type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODES;

/** Everything main needs from the outside world. */
export interface MainDeps extends CommandDeps {
  /** The go command to run (`go`, found on PATH, in the CLI). */
  go: string;
  /** This process: its pid marks the baseline lock; the platform picks the watchdog. */
  pid: number;
  platform: NodeJS.Platform;
  /** Tells whether a process is running (stale baseline locks). */
  isRunning: (pid: number) => boolean;
  /** Registers a handler for SIGINT, SIGTERM and SIGHUP; returns its removal. */
  onInterrupt: (handler: (signal: InterruptSignal) => void) => () => void;
}

/** What main holds while it runs, so an interrupt and the cleanup can reach it. */
interface RunState {
  signal?: InterruptSignal;
  running?: GoTestRun;
  tmp?: Promise<TempDir>;
  watchdog?: Watchdog;
  /** The --go-json stream until it is committed; removed if the run ends any other way. */
  goJson?: GoJsonStep;
}

/** Runs goleak-run and returns the process exit code (0 clean, 1 leaks or failures, 2 bad input, 128+n on signal n). */
export async function main(deps: MainDeps): Promise<number> {
  const state: RunState = {};
  const removeInterrupt = deps.onInterrupt((signal) => {
    state.signal ??= signal;
    void state.running?.stop();
  });
  try {
    return await run(deps, state);
  } catch (error) {
    if (state.signal) return reportInterrupted(deps, state.signal);
    if (error instanceof GoleakRunError) {
      deps.stderr.write(`goleak-run: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    removeInterrupt();
    await state.goJson?.abort().catch(() => undefined);
    const tmp = await state.tmp?.catch(() => undefined);
    await tmp?.remove();
    // Only now, with go test gone and the temp dir removed, is the watchdog's work done.
    state.watchdog?.stop();
  }
}

// `fresh`: go list's resolution, when a warm start from a saved one was dropped for it.
async function run(deps: MainDeps, state: RunState, fresh?: Resolution): Promise<number> {
  const parsed = parseArgs(deps.argv, deps.version);
  if (parsed.kind === 'print') {
    deps.stdout.write(parsed.text);
    return 0;
  }
  const cli = parsed.options;
  const flags = parseGoTestFlags(cli.goTestArgs);
  const stress = checkStress(cli, flags);
  const cwd = resolve(deps.cwd, cli.dir);
  if (!isDirectory(cwd)) {
    throw new UsageError(`expected -C ${cli.dir} to be a directory, found none`);
  }
  readUserOverlay(flags.userOverlay, cwd);
  const startedAt = deps.now();
  const resolving = fresh
    ? Promise.resolve(fresh)
    : resolvePackages({ go: deps.go, cwd, env: deps.env, patterns: cli.patterns, buildFlags: flags.listFlags });
  const warmCache = openWarmCache({ ...deps, cwd, cli, flags, now: startedAt.getTime() });
  const warm = fresh ? undefined : warmCache?.read();
  // Handlers are attached now: go list failing while go test runs must not go unhandled.
  const confirming = warm && confirmResolution(resolving, warm);
  // While go list works: the run stage (and execa with it) loads, and the temp dir and its
  // watchdog start. Start-up is paid by every run, even a fully cached one.
  const runStage = import('./execute-run.js');
  const templates = loadTemplates();
  const key = loadCheckKey(checkKeyPath(deps.env, deps.platform));
  // Settled later; a broken install must not go unhandled before then.
  templates.catch(() => undefined);
  state.tmp = createTempDir().then((tmp) => {
    state.watchdog = startWatchdog({ tempDir: tmp.path, platform: deps.platform });
    return tmp;
  });
  const resolved = warm ?? (await resolving);
  const inputs = await loadRunInputs({
    cli,
    flags,
    env: deps.env,
    cwd,
    moduleDir: resolved.module.dir,
    modulePath: resolved.module.path,
  });
  const settings = inputs.settings;
  checkReportPaths(settings);
  const shard = settings.shard ? narrowToShard(resolved, settings, deps) : undefined;
  const resolution = shard?.resolution ?? resolved;
  const tmp = await state.tmp;
  if (state.signal) return reportInterrupted(deps, state.signal);
  const tested = resolution.packages.filter((p) => !p.noTestFiles).length;
  const progress = createProgressLine(deps.stderr, progressEnabled(deps.env, deps.stderr.isTTY === true), tested);
  const { executeRun } = await runStage;
  let finishing: Promise<typeof import('./finish-stage.js')> | undefined;
  // A warm start shows nothing of its run until go list has confirmed it.
  const heldStdout = warm && settings.goJson?.kind === 'stdout' ? heldWriter(deps.stdout) : undefined;
  // Loaded only when asked for: every module costs start-up time.
  state.goJson = settings.goJson
    ? await (await import('./go-json-step.js')).startGoJson({
        settings,
        resolution,
        baseline: inputs.baseline,
        key,
        stdout: heldStdout ?? deps.stdout,
      })
    : undefined;
  const perturbSeed = stress?.request.budgetMs === undefined ? stress?.request.perturb : undefined;
  // A GOTMPDIR the user chose is theirs; otherwise go's work dir goes where the watchdog can find it.
  const runEnv = deps.env.GOTMPDIR ? deps.env : { ...deps.env, GOTMPDIR: tmp.goTmpDir };
  // What the stress steps take from the run (src/app/stress-context.ts), less the environment.
  const stressRun = {
    cwd,
    tmpDir: tmp.path,
    goRoot: resolution.goRoot,
    goVersion: resolution.module.goVersion,
    modulePath: resolution.module.path,
    packages: resolution.packages,
    ...(flags.userOverlay !== undefined ? { userOverlayFile: flags.userOverlay } : {}),
    platform: deps.platform,
    pid: deps.pid,
  };
  const extendPlans =
    typeof perturbSeed === 'number'
      ? (await import('./perturb-step.js')).perturbationExtender({ ...stressRun, env: deps.env, seed: perturbSeed })
      : undefined;
  let dropped = false;
  // Every go test the run starts: an interrupt, or a dropped warm start, must reach its process group.
  const track = (started: GoTestRun) => {
    state.running = started;
    if (started.pid !== undefined) state.watchdog?.watchGroup(started.pid);
    if (state.signal || dropped) void started.stop();
  };
  const execution = executeRun({
    ...(extendPlans ? { extendPlans } : {}),
    ...(state.goJson ? { onStreamLine: state.goJson.listener } : {}),
    key,
    templates,
    go: deps.go,
    cwd,
    env: runEnv,
    modulePath: resolution.module.path,
    packages: resolution.packages,
    settings,
    flags,
    tmpDir: tmp.path,
    onProgress: (e) => progress.packageDone(e.leaked),
    writeOverlayFiles: (plans, tmpDir, userReplace) =>
      writeOverlayFiles({ plans, tmpDir, userReplace, env: deps.env, now: deps.now().getTime() }),
    onStart: (started) => {
      track(started);
      // With go test started, off the critical path: what the next run may start from.
      if (!warm) warmCache?.save(resolved);
      // Node waits for go test from here on: the time to load what comes after it.
      finishing ??= import('./finish-stage.js');
    },
  });
  const dropping = await settleWarmStart(confirming, execution, async () => {
    dropped = true;
    await state.running?.stop();
  });
  if (dropping) {
    progress.clear();
    if (state.signal) return reportInterrupted(deps, state.signal);
    if (dropping.kind === 'failed') throw dropping.error;
    await dropRun(state);
    return run(deps, state, dropping.fresh);
  }
  heldStdout?.release();
  const executed = await execution;
  progress.clear();
  if (state.signal) return reportInterrupted(deps, state.signal);
  await state.goJson?.finish();
  delete state.goJson;
  const stressStep = stress?.request.budgetMs === undefined ? undefined : (await import('./stress-step.js')).stressStep;
  const stressed = await stressStep?.({
    ...stressRun,
    go: deps.go,
    env: runEnv,
    key,
    templates,
    executed,
    settings,
    cli,
    setup: stress as NonNullable<typeof stress>,
    onStart: track,
    stopped: () => state.signal !== undefined,
    now: () => deps.now().getTime(),
    onPackage: (line) => deps.stderr.write(`goleak-run: ${line}\n`),
  });
  if (state.signal) return reportInterrupted(deps, state.signal);
  if (stressed) deps.stderr.write(`goleak-run: ${stressed.summary}\n`);
  finishing ??= import('./finish-stage.js');
  const { finishRun } = await finishing;
  return finishRun({
    deps,
    resolution,
    executed,
    settings,
    baseline: inputs.baseline,
    stressed,
    shard,
    color: cli.color,
    startedAt,
  });
}

// Undoes what a dropped warm start set up, in main's cleanup order, before the run begins again.
async function dropRun(state: RunState): Promise<void> {
  await state.goJson?.abort();
  const tmp = await state.tmp?.catch(() => undefined);
  await tmp?.remove();
  state.watchdog?.stop();
  delete state.goJson;
  delete state.tmp;
  delete state.watchdog;
  delete state.running;
}

function reportInterrupted(deps: MainDeps, signal: InterruptSignal): number {
  deps.stderr.write(`goleak-run: interrupted by ${signal}; no report or baseline written\n`);
  return INTERRUPT_EXIT_CODES[signal];
}

// I/O shell of overlay + run: writes the overlay into the temp dir, runs go test -json, folds its events.
import { BUILTIN_IGNORES } from '../classify/index.js';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GoTestEvent, IgnoreRule, PackageRun, ResolvedPackage } from '../model.js';
import {
  mapOverlayPaths,
  type PackageOverlayPlan,
  planOverlay,
  type Templates,
  writeOverlay,
} from '../overlay/index.js';
import { applyResults, createEventParser, createRunFold, isParseWarning, type RunContext } from '../parse/index.js';
import { readResults } from '../run/read-results.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { startGoTest, type GoTestRun } from '../run/run-go-test.js';
import { STREAM_FILE_NAME } from '../run/temp-dir.js';
import { ancestorsOn, buildGoTestArgs, buildTestEnv } from '../run/test-env.js';
import { readUserOverlay } from '../run/user-overlay.js';
import { ToolchainError } from '../errors.js';
import type { Settings } from './settings.js';

/** Live progress: a package finished, and whether it leaked. */
export type ProgressListener = (event: { importPath: string; leaked: boolean }) => void;

/** What the run produced, before classification. */
export interface ExecutedRun {
  runs: PackageRun[];
  /** Lines of the stream that were not JSON events, and go's stderr when it failed. */
  warnings: string[];
  notes: Map<string, string[]>;
  /** Per package, what is said only if it fails (PackageOverlayPlan.failureHints). */
  hints?: Map<string, string[]>;
  /** Ignore rules a package declares itself (its goleak.VerifyTestMain options). */
  packageRules: Map<string, IgnoreRule[]>;
}

/** A package whose final event arrived: its run with the check's results files applied, and its own ignore rules. */
export interface DonePackage {
  run: PackageRun;
  rules: IgnoreRule[];
  notes: string[];
}

/** --go-json: each stdout line of go test as it arrives, with its event; a package's final event brings its run. */
export type StreamListener = (line: string, event: GoTestEvent | undefined, done?: Promise<DonePackage>) => void;

/** Runs go test with our overlay on the packages that have tests. */
export async function executeRun(opts: {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  packages: ResolvedPackage[];
  /** The module's path: the check drops goroutines a dependency's init started. */
  modulePath: string;
  settings: Settings;
  flags: GoTestFlags;
  tmpDir: string;
  onProgress: ProgressListener;
  /** Receives the started run so an interrupt can stop its whole process group. */
  onStart: (run: GoTestRun) => void;
  /** The machine's check key, loading since the run began (--go-json reads the stream with it too). */
  key: Promise<string>;
  /** The templates, loading since the run began, before go list answered. */
  templates: Promise<Templates>;
  /** --go-json: receives every stdout line of go test. */
  onStreamLine?: StreamListener;
  /** Changes the planned overlay before it is written (--stress-perturb=SEED adds the perturbation). */
  extendPlans?: (plans: PackageOverlayPlan[]) => Promise<PackageOverlayPlan[]>;
  /** Writes the overlay (default: every file into the temp dir); the CLI keeps the files in a cache. */
  writeOverlayFiles?: typeof writeOverlay;
}): Promise<ExecutedRun> {
  const userOverlay = readUserOverlay(opts.flags.userOverlay, opts.cwd);
  const userReplace = userOverlay.replace;
  const sources = userOverlay.read;
  const [templates, key] = await Promise.all([opts.templates, opts.key]);
  const tested = opts.packages.filter((p) => !p.noTestFiles);
  const planned = tested.map((pkg) =>
    planOverlay(pkg, sources, {
      maxWaitMs: opts.settings.maxWaitMs,
      // The binary applies the same rules as the classifier, so a clean package never waits.
      rules: [...BUILTIN_IGNORES, ...opts.settings.rules],
      templates,
      key,
      fileExists: userOverlay.exists,
      ancestors: ancestorsOn(opts.env),
      modulePath: opts.modulePath,
    }),
  );
  const plans = opts.extendPlans ? await opts.extendPlans(planned) : planned;
  const notes = new Map(plans.map((p) => [p.importPath, [...p.warnings]]));
  const hints = new Map(plans.flatMap((p) => (p.failureHints ? [[p.importPath, p.failureHints] as const] : [])));
  const packageRules = new Map(plans.map((p) => [p.importPath, p.rules]));
  const planOf = new Map(plans.map((p) => [p.importPath, p]));
  if (opts.packages.length === 0) return { runs: [], warnings: [], notes, hints, packageRules };
  const written = await (opts.writeOverlayFiles ?? writeOverlay)(plans, opts.tmpDir, userReplace);
  const resultsDir = join(opts.tmpDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const fold = createRunFold({ rewriteOutput: (line) => mapOverlayPaths(line, written.tempToOriginal, opts.cwd), key });
  const warnings: string[] = [];
  const parseEventLine = createEventParser();
  let events = 0;
  const run = startGoTest({
    go: opts.go,
    cwd: opts.cwd,
    env: buildTestEnv(opts.env, resultsDir),
    streamFile: join(opts.tmpDir, STREAM_FILE_NAME),
    args: buildGoTestArgs({
      overlayFile: written.overlayFile,
      passThrough: opts.flags.passThrough,
      // Packages without tests too: go test builds them, and fails the run when one does not compile.
      packages: opts.packages.map((p) => p.importPath),
      testBinaryArgs: opts.flags.testBinaryArgs,
    }),
    onLine: (line) => {
      const parsed = parseEventLine(line);
      if (isParseWarning(parsed)) {
        opts.onStreamLine?.(line, undefined);
        if (line.trim() !== '') warnings.push(mapOverlayPaths(line, written.tempToOriginal, opts.cwd));
        return;
      }
      events++;
      const progress = fold.push(parsed);
      if (opts.onStreamLine) {
        // Build output names overlay files by their temp path; the stream names the user's.
        const output = parsed.Action === 'build-output' ? parsed.Output : undefined;
        const mapped = output && mapOverlayPaths(output, written.tempToOriginal, opts.cwd);
        const out = mapped === output ? line : JSON.stringify({ ...parsed, Output: mapped });
        opts.onStreamLine(out, parsed, progress && donePackage(progress.run));
      }
      if (progress) opts.onProgress({ importPath: progress.importPath, leaked: progress.leakFound });
    },
  });
  // What the overlay knew about a package, and (once go test has exited) whether it passed.
  const contextOf = (importPath: string, goTestPassed?: boolean): RunContext => {
    const plan = planOf.get(importPath);
    return {
      handoffs: plan?.handoffs ?? [],
      unchecked: plan?.unchecked !== undefined,
      ...(goTestPassed ? { goTestPassed } : {}),
    };
  };
  // Read when the package's final event arrives: its binary has exited, its files are written.
  const donePackage = async (folded: PackageRun): Promise<DonePackage> => {
    const files = await readResults(resultsDir, [folded.importPath]);
    const applied = applyResults(folded, files.get(folded.importPath) ?? {}, contextOf(folded.importPath));
    return {
      run: applied,
      rules: packageRules.get(folded.importPath) ?? [],
      notes: notes.get(folded.importPath) ?? [],
    };
  };
  opts.onStart(run);
  const result = await run.done;
  const stderr = mapOverlayPaths(result.stderr, written.tempToOriginal, opts.cwd).trim();
  if (events === 0 && result.exitCode !== 0) {
    throw new ToolchainError(
      `expected go test to run, found: ${stderr.split('\n')[0] ?? `exit code ${result.exitCode}`}`,
    );
  }
  if (stderr !== '') warnings.push(...stderr.split('\n'));
  const results = await readResults(
    resultsDir,
    tested.map((p) => p.importPath),
  );
  const goTestPassed = result.exitCode === 0;
  const runs = fold
    .result()
    .map((r) => applyResults(r, results.get(r.importPath) ?? {}, contextOf(r.importPath, goTestPassed)));
  return { runs, warnings, notes, hints, packageRules };
}

// I/O: the --stress step. After the normal run, each package that passed clean gets its own
// stress loop (src/stress); a package where a chunk found something gets that chunk's run in
// place of its normal one, and every stressed package's report says how many runs it took.
import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_IGNORES } from '../classify/index.js';
import { GoleakRunError } from '../errors.js';
import type { PackageReport, ResolvedPackage } from '../model.js';
import type { Templates } from '../overlay/index.js';
import type { GoTestRun } from '../run/run-go-test.js';
import { readUserOverlay } from '../run/user-overlay.js';
import {
  annotateStress,
  loadStressTemplates,
  reproduceCommand,
  startSupervisor,
  stressPackage,
  type StressLoopResult,
  type StressSetup,
} from '../stress/index.js';
import { RULE_KIND_NAMES, RULE_KINDS } from '../rule-kinds.js';
import type { CliOptions } from '../cli/options.js';
import type { ExecutedRun } from './execute-run.js';
import type { Settings } from './settings.js';
import { type StressContext, stressHelper } from './stress-context.js';

/** What the step did, and how to add it to the reports. */
export interface StressOutcome {
  /** Adds each stressed package's stress facts to its report. */
  annotate: (packages: PackageReport[]) => PackageReport[];
  /** One line for stderr: packages, runs, time, what was found. */
  summary: string;
}

/** Runs the stress loop on every package the normal run passed clean; replaces the runs of those where it found something. */
export async function stressStep(
  opts: StressContext & {
    go: string;
    executed: ExecutedRun;
    settings: Settings;
    cli: CliOptions;
    setup: StressSetup;
    /** The machine's check key and the check's templates, as the run loaded them. */
    key: Promise<string>;
    templates: Promise<Templates>;
    onStart: (run: GoTestRun) => void;
    stopped: () => boolean;
    now: () => number;
    /** A line for each package as its loop ends: a long nightly run is never silent for long. */
    onPackage?: (line: string) => void;
  },
): Promise<StressOutcome> {
  const budgetMs = opts.setup.request.budgetMs ?? 0;
  const byPath = new Map(opts.packages.map((p) => [p.importPath, p]));
  const candidates = opts.executed.runs.filter(
    (r) =>
      r.action === 'pass' &&
      r.check.kind === 'clean' &&
      byPath.has(r.importPath) &&
      !byPath.get(r.importPath)?.noTestFiles,
  );
  const results = new Map<string, StressLoopResult>();
  const reproduce = new Map<string, string>();
  if (candidates.length > 0) {
    const key = await opts.key;
    const [helper, templates, stressTemplates] = await Promise.all([
      stressHelper(opts),
      opts.templates,
      loadStressTemplates(),
    ]);
    const supervisor = startSupervisor(helper);
    opts.onStart(supervisor.asRun);
    const workers = Math.max(1, availableParallelism());
    try {
      for (const [i, run] of candidates.entries()) {
        if (opts.stopped()) break;
        const pkg = byPath.get(run.importPath) as ResolvedPackage;
        const result = await stressPackage(pkg, {
          go: opts.go,
          cwd: opts.cwd,
          env: opts.env,
          supervisor,
          helper,
          templates,
          stressTemplates,
          key,
          maxWaitMs: opts.settings.maxWaitMs,
          modulePath: opts.modulePath,
          rules: [...BUILTIN_IGNORES, ...opts.settings.rules],
          userOverlay: readUserOverlay(opts.userOverlayFile, opts.cwd),
          flags: opts.setup.flags,
          budgetMs,
          perturb: opts.setup.request.perturb,
          workers,
          cpuCycle: [...new Set([workers, 1, 2, 4, 8])],
          dir: join(opts.tmpDir, 'stress', String(i + 1)),
          now: opts.now,
          random: () => randomInt(2 ** 31 - 1),
          stopped: opts.stopped,
        }).catch((error: unknown) => {
          // A bug here must cost one package its stress loop, not the whole run; bad input still stops it.
          if (error instanceof GoleakRunError) throw error;
          return notStressed(
            run.importPath,
            `internal error: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
        results.set(run.importPath, result);
        opts.onPackage?.(packageLine(result));
        if (result.found) {
          reproduce.set(
            run.importPath,
            reproduceCommand({
              carried: carried(opts.cli),
              importPath: run.importPath,
              chunk: result.found.chunk,
              ...(result.perRoundMs !== undefined ? { perRoundMs: result.perRoundMs } : {}),
              goTestArgs: opts.cli.goTestArgs,
            }),
          );
        }
        if (result.run) opts.executed.runs[opts.executed.runs.indexOf(run)] = result.run;
      }
    } finally {
      await supervisor.close();
    }
  }
  return {
    annotate: (packages) =>
      packages.map((p) => {
        const result = results.get(p.importPath);
        return result ? annotateStress(p, result, result.run, reproduce.get(p.importPath)) : p;
      }),
    summary: summaryLine([...results.values()], candidates.length),
  };
}

function notStressed(importPath: string, why: string): StressLoopResult {
  return { importPath, rounds: 0, chunks: 0, ms: 0, tempToOriginal: {}, sites: 0, notStressed: why };
}

const FOUND = { leaked: 'found a leak', hung: 'found a hung test', failed: 'found a failing test', clean: '' };

function packageLine(r: StressLoopResult): string {
  const what = r.notStressed ?? (r.found ? FOUND[r.found.verdict] : 'found nothing');
  return `stress ${r.importPath}: ${r.rounds} runs in ${(r.ms / 1000).toFixed(1)}s, ${what}`;
}

function summaryLine(results: StressLoopResult[], candidates: number): string {
  const runs = results.reduce((n, r) => n + r.rounds, 0);
  const found = results.filter((r) => r.found).length;
  const seconds = results.reduce((n, r) => n + r.ms, 0) / 1000;
  if (candidates === 0) return 'stress: no package passed clean, nothing to stress';
  return `stress: ${results.length} of ${candidates} packages, ${runs} runs in ${seconds.toFixed(1)}s; ${found} found something`;
}

function carried(cli: CliOptions) {
  return {
    dir: cli.dir,
    ...(cli.maxWait !== undefined ? { maxWait: cli.maxWait } : {}),
    ignores: RULE_KIND_NAMES.flatMap((kind) =>
      cli.ignore[kind].map((func): [string, string] => [`ignore-${RULE_KINDS[kind].flag}`, func]),
    ),
    ...(cli.config !== undefined ? { config: cli.config } : {}),
    useConfig: cli.useConfig,
    ...(cli.baseline !== undefined ? { baseline: cli.baseline } : {}),
    useBaseline: cli.useBaseline,
  };
}

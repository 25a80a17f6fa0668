// I/O: the stress loop of one package. Its test binary is built once, with the check, the
// round hooks and (unless off) the perturbation in the overlay; then chunks of runs go on, a
// few at a time, until the budget is spent or a chunk finds a leak, a hung test or a failure.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IgnoreRule, PackageRun, ResolvedPackage } from '../model.js';
import { mapOverlayPaths, planOverlay, type Templates, writeOverlay } from '../overlay/index.js';
import type { UserOverlay } from '../run/user-overlay.js';
import { estimateCost, nextChunk, recordChunk, startHistory, type ChunkContext } from './chunk-plan.js';
import { rewriteFiles } from './run-helper.js';
import { chunkRun, runChunk, type ChunkResult } from './run-chunk.js';
import type { StressFlags } from './stress-flags.js';
import type { PerturbMode } from './stress-options.js';
import { rewriteRequest, stressPlan, type StressTemplates } from './stress-overlay.js';
import type { Supervisor } from './supervisor.js';

/** What a package's loop did. */
export interface StressLoopResult {
  importPath: string;
  /** Rounds run to their end by the chunks that counted (the finding chunk included). */
  rounds: number;
  chunks: number;
  ms: number;
  /** The chunk that found something; absent when the package stayed clean. */
  found?: ChunkResult;
  /** The finding chunk's run, read as go test would have reported it. */
  run?: PackageRun;
  /** Why the package could not be stressed (its stress build failed). */
  notStressed?: string;
  /** Temp path → user's path of the overlay, to map output back. */
  tempToOriginal: Record<string, string>;
  /** Perturbation points inserted in the package's files. */
  sites: number;
  /** What a round took in the clean chunks, when any finished. */
  perRoundMs?: number;
}

/** Everything the loop needs; the clock and the random source included. */
export interface StressPackageDeps {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  supervisor: Supervisor;
  helper: string;
  templates: Templates;
  stressTemplates: StressTemplates;
  key: string;
  maxWaitMs: number;
  /** The module's path, for the check (PlanOptions.modulePath). */
  modulePath: string;
  rules: IgnoreRule[];
  userOverlay: UserOverlay;
  flags: StressFlags;
  budgetMs: number;
  perturb: PerturbMode;
  workers: number;
  cpuCycle: number[];
  /** A private directory for this package's binary and chunks. */
  dir: string;
  now: () => number;
  random: () => number;
  /** True once the run was interrupted: no new chunk starts. */
  stopped: () => boolean;
}

/** Builds the package's stress binary and runs chunks until the budget is spent or something is found. */
export async function stressPackage(pkg: ResolvedPackage, deps: StressPackageDeps): Promise<StressLoopResult> {
  const out: StressLoopResult = {
    importPath: pkg.importPath,
    rounds: 0,
    chunks: 0,
    ms: 0,
    tempToOriginal: {},
    sites: 0,
  };
  await mkdir(deps.dir, { recursive: true });
  const built = await build(pkg, deps);
  out.tempToOriginal = built.tempToOriginal;
  out.sites = built.sites;
  if (built.error !== undefined) return { ...out, notStressed: built.error };
  const start = deps.now();
  const ctx = (): ChunkContext => ({
    budgetLeftMs: Math.max(0, deps.budgetMs - (deps.now() - start)),
    cpuCycle: deps.cpuCycle,
    ...(deps.flags.cpu ? { userCpu: deps.flags.cpu } : {}),
    ...(deps.flags.shuffle !== undefined ? { userShuffle: deps.flags.shuffle } : {}),
    ...(deps.flags.timeoutMs !== undefined ? { userTimeoutMs: deps.flags.timeoutMs } : {}),
    perturb: deps.perturb,
    random: deps.random,
  });
  let history = startHistory();
  let noTests = false;
  const running = new Map<number, number | undefined>();
  const launch = (): Promise<void> => {
    const next = nextChunk(history, ctx());
    history = next.history;
    const chunk = next.chunk;
    running.set(chunk.index, undefined);
    return runChunk({
      supervisor: deps.supervisor,
      binary: built.binary,
      importPath: pkg.importPath,
      packageDir: pkg.dir,
      chunk,
      flags: deps.flags,
      env: deps.env,
      dir: join(deps.dir, `chunk-${chunk.index}`),
      onStart: (id) => running.set(chunk.index, id),
    }).then((result) => {
      running.delete(chunk.index);
      // A chunk killed because another one found something counts for nothing.
      if (out.found || deps.stopped()) return;
      // Only clean chunks measure a round: a hung one ran until it was killed.
      if (result.verdict === 'clean') history = recordChunk(history, chunk, result.log.rounds, result.end.ms);
      out.chunks++;
      out.rounds += result.log.rounds;
      if (result.verdict !== 'clean') {
        out.found = result;
        for (const id of running.values()) if (id !== undefined) deps.supervisor.kill(id);
      } else if (result.log.rounds === 0) noTests = true;
    });
  };
  const active = new Set<Promise<void>>();
  const canStart = () => !out.found && !noTests && !deps.stopped() && deps.now() - start < deps.budgetMs;
  while (canStart() || active.size > 0) {
    while (canStart() && active.size < deps.workers) {
      const p: Promise<void> = launch().finally(() => active.delete(p));
      active.add(p);
    }
    if (active.size > 0) await Promise.race(active);
  }
  out.ms = deps.now() - start;
  const cost = estimateCost(history.samples);
  if (cost) out.perRoundMs = cost.perRound;
  else if (out.found && out.found.verdict !== 'hung') {
    // Found by the first chunks: their own time, less the check's wait for the leftovers, is all there is.
    out.perRoundMs = Math.max(0.001, (out.found.end.ms - deps.maxWaitMs) / Math.max(1, out.found.log.rounds));
  }
  if (out.found && !deps.stopped()) {
    const run = await chunkRun({
      ...deps,
      importPath: pkg.importPath,
      result: out.found,
      tempToOriginal: out.tempToOriginal,
    });
    if (run) out.run = run;
  }
  return out;
}

interface Built {
  binary: string;
  tempToOriginal: Record<string, string>;
  sites: number;
  error?: string;
}

// The overlay as the normal run plans it, plus the stress rewrite; then `go test -c`.
async function build(pkg: ResolvedPackage, deps: StressPackageDeps): Promise<Built> {
  const sources = deps.userOverlay.read;
  const base = planOverlay(pkg, sources, {
    maxWaitMs: deps.maxWaitMs,
    modulePath: deps.modulePath,
    rules: deps.rules,
    templates: deps.templates,
    key: deps.key,
    fileExists: deps.userOverlay.exists,
  });
  // No check in the binary, nothing to hunt: the normal run said why (plan-overlay.ts).
  if (base.unchecked !== undefined)
    return { binary: '', tempToOriginal: {}, sites: 0, error: 'the package is not checked for leaks' };
  const perturb = deps.perturb !== 'off';
  const response = await rewriteFiles(deps.helper, rewriteRequest(pkg, base, sources, { perturb, hooks: true }));
  const plan = stressPlan(pkg, base, response, {
    templates: deps.stressTemplates,
    seed: 0,
    fileExists: deps.userOverlay.exists,
  });
  // writeOverlay makes a directory per file only: a plan without files still needs its own.
  await mkdir(join(deps.dir, 'overlay'), { recursive: true });
  const written = await writeOverlay([plan], join(deps.dir, 'overlay'), deps.userOverlay.replace);
  const binary = join(deps.dir, 'pkg.test');
  const sites = Object.values(response.sites).reduce((a, b) => a + (b ?? 0), 0);
  const end = await deps.supervisor.run({
    argv: [deps.go, 'test', '-c', '-o', binary, `-overlay=${written.overlayFile}`, ...deps.flags.build, pkg.importPath],
    env: deps.env,
    dir: deps.cwd,
    out: join(deps.dir, 'build-output'),
  });
  const built: Built = { binary, tempToOriginal: written.tempToOriginal, sites };
  if (end.exitCode !== 0 || end.error) {
    const text = await readFile(join(deps.dir, 'build-output'), 'utf8').catch(() => end.error ?? '');
    const first = mapOverlayPaths(text, written.tempToOriginal, deps.cwd)
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    built.error = `its stress build failed: ${first.slice(0, 3).join('; ') || `exit code ${end.exitCode}`}`;
  }
  return built;
}

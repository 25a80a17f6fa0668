// What both stress steps take from the run: the loop (--stress) and its reproduction alone
// (--stress-perturb=SEED), each building the same helper binary.
import type { ResolvedPackage } from '../model.js';
import { goleakRunCacheDir } from '../user-dirs.js';
import { ensureHelper } from '../stress/index.js';

/** The run's facts the stress steps need. */
export interface StressContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  tmpDir: string;
  goRoot: string;
  goVersion: string;
  /** The module's path: the check drops goroutines a dependency's init started. */
  modulePath: string;
  packages: ResolvedPackage[];
  userOverlayFile?: string;
  platform: NodeJS.Platform;
  pid: number;
}

/** The stress helper for this toolchain, built once into the cache beside the check key. */
export function stressHelper(ctx: StressContext): Promise<string> {
  return ensureHelper({
    goRoot: ctx.goRoot,
    goVersion: ctx.goVersion,
    env: ctx.env,
    cacheDir: goleakRunCacheDir(ctx.env, ctx.platform),
    tmpDir: ctx.tmpDir,
    platform: ctx.platform,
    arch: process.arch,
    pid: ctx.pid,
  });
}

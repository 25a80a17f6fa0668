// I/O: --stress-perturb=SEED without --stress, the reproduction of a stress finding: the normal
// run, its overlay perturbed at that seed as the stress loop's chunk was (src/stress).
import { dirname } from 'node:path';
import type { ResolvedPackage } from '../model.js';
import type { PackageOverlayPlan } from '../overlay/index.js';
import { checkKeyPath } from '../run/check-key.js';
import { readUserOverlay } from '../run/user-overlay.js';
import { ensureHelper, loadStressTemplates, rewriteFiles, rewriteRequest, stressPlan } from '../stress/index.js';

/** --stress-perturb=SEED without --stress: the normal run's overlay gets the perturbation at that seed. */
export function perturbationExtender(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  tmpDir: string;
  goRoot: string;
  goVersion: string;
  packages: ResolvedPackage[];
  userOverlayFile?: string;
  seed: number;
  platform: NodeJS.Platform;
  pid: number;
}): (plans: PackageOverlayPlan[]) => Promise<PackageOverlayPlan[]> {
  return async (plans) => {
    const [helper, templates] = await Promise.all([
      ensureHelper({ ...opts, cacheDir: dirname(checkKeyPath(opts.env)), arch: process.arch }),
      loadStressTemplates(),
    ]);
    const overlay = readUserOverlay(opts.userOverlayFile, opts.cwd);
    const byPath = new Map(opts.packages.map((p) => [p.importPath, p]));
    return Promise.all(
      plans.map(async (plan) => {
        const pkg = byPath.get(plan.importPath);
        if (!pkg) return plan;
        const response = await rewriteFiles(
          helper,
          rewriteRequest(pkg, plan, overlay.read, { perturb: true, hooks: false }),
        );
        return stressPlan(pkg, plan, response, { templates, seed: opts.seed, fileExists: overlay.exists });
      }),
    );
  };
}

// I/O: --stress-perturb=SEED without --stress, the reproduction of a stress finding: the normal
// run, its overlay perturbed at that seed as the stress loop's chunk was (src/stress).
import type { PackageOverlayPlan } from '../overlay/index.js';
import { readUserOverlay } from '../run/user-overlay.js';
import { loadStressTemplates, rewriteFiles, rewriteRequest, stressPlan } from '../stress/index.js';
import { type StressContext, stressHelper } from './stress-context.js';

/** --stress-perturb=SEED without --stress: the normal run's overlay gets the perturbation at that seed. */
export function perturbationExtender(
  opts: StressContext & { seed: number },
): (plans: PackageOverlayPlan[]) => Promise<PackageOverlayPlan[]> {
  return async (plans) => {
    const [helper, templates] = await Promise.all([stressHelper(opts), loadStressTemplates()]);
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

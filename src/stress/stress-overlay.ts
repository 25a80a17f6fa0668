// Pure: extends a package's overlay plan for --stress. The helper (templates/stress-helper)
// rewrote copies of the package's files; this puts them in the plan, over the check's own
// rewrites, and adds the Go the inserted calls need (templates/perturb.go.tmpl, stress.go.tmpl).
import { join } from 'node:path';
import type { ResolvedPackage } from '../model.js';
import type { OverlayFile, PackageOverlayPlan } from '../overlay/index.js';
import { renderTemplate } from '../overlay/render-template.js';

/** Name of the inserted perturbation call, defined by templates/perturb.go.tmpl. */
export const PERTURB_FUNC = 'goleakrunPerturb';
/** Name of the inserted round hook, defined by templates/stress.go.tmpl. */
export const HOOK_FUNC = 'goleakrunStressRound';
/** The variable a chunk sets to its perturbation seed. */
export const PERTURB_ENV = 'GOLEAKRUN_PERTURB';
/** The variable a chunk sets to the path of its round log. */
export const STRESS_LOG_ENV = 'GOLEAKRUN_STRESS_LOG';
/** Goroutines above the count at the first test beyond which a chunk skips its remaining tests. */
const MAX_LEFTOVER = 10_000;

type Group = 'internal' | 'external';

/** One file as sent to the helper. */
export interface RewriteFile {
  path: string;
  src: string;
  group: Group;
  test: boolean;
}

/** The helper's request (see templates/stress-helper/rewrite.go). */
export interface RewriteRequest {
  files: RewriteFile[];
  perturb: boolean;
  hooks: boolean;
  perturbFunc: string;
  hookFunc: string;
}

/** The helper's answer for one file: `src` is '' when nothing changed. */
interface RewriteResult {
  path: string;
  src: string;
  package: string;
  sites: number;
  hooks: number;
  error?: string;
}

/** The helper's answer. */
export interface RewriteResponse {
  files: RewriteResult[];
  sites: Partial<Record<Group, number>>;
}

/** The stress templates' text. */
export interface StressTemplates {
  perturb: string;
  stress: string;
}

/** The files of a package as go will compile them: the check's rewrite where there is one. */
export function rewriteRequest(
  pkg: ResolvedPackage,
  plan: PackageOverlayPlan,
  sources: (absPath: string) => string,
  opts: { perturb: boolean; hooks: boolean },
): RewriteRequest {
  const planned = new Map(plan.files.map((f) => [f.originalPath, f.content]));
  const files: RewriteFile[] = [];
  const add = (names: string[], group: Group, test: boolean): void => {
    for (const name of names) {
      const path = join(pkg.dir, name);
      const src = planned.get(path) ?? readOrUndefined(sources, path);
      if (src !== undefined) files.push({ path, src, group, test });
    }
  };
  add(pkg.goFiles, 'internal', false);
  add(pkg.testGoFiles, 'internal', true);
  add(pkg.xTestGoFiles, 'external', true);
  return { files, perturb: opts.perturb, hooks: opts.hooks, perturbFunc: PERTURB_FUNC, hookFunc: HOOK_FUNC };
}

function readOrUndefined(sources: (absPath: string) => string, path: string): string | undefined {
  try {
    return sources(path);
  } catch {
    // Deleted by the user's overlay: go does not compile it either.
    return undefined;
  }
}

/** The plan with the rewritten files and the runtime they call; `seed` is rendered (0 = from the environment only). */
export function stressPlan(
  pkg: ResolvedPackage,
  plan: PackageOverlayPlan,
  response: RewriteResponse,
  opts: { templates: StressTemplates; seed: number; fileExists: (absPath: string) => boolean },
): PackageOverlayPlan {
  const files = new Map<string, OverlayFile>(plan.files.map((f) => [f.originalPath, f]));
  const warnings = [...plan.warnings];
  const hooks: Record<Group, number> = { internal: 0, external: 0 };
  let xPackage: string | undefined;
  for (const r of response.files) {
    if (r.error) warnings.push(`not perturbed: ${r.error}`);
    if (r.src !== '') files.set(r.path, { originalPath: r.path, content: r.src });
    const group: Group = pkg.xTestGoFiles.some((n) => join(pkg.dir, n) === r.path) ? 'external' : 'internal';
    hooks[group] += r.hooks;
    if (group === 'external' && r.package !== '') xPackage ??= r.package;
  }
  const takeName = nameAllocator(pkg, new Set(files.keys()), opts.fileExists);
  const add = (name: string, content: string): void => {
    const path = join(pkg.dir, takeName(name));
    files.set(path, { originalPath: path, content });
  };
  const clause = (group: Group): string => (group === 'internal' ? pkg.name : (xPackage ?? `${pkg.name}_test`));
  for (const group of ['internal', 'external'] as const) {
    const sites = response.sites[group] ?? 0;
    const values = {
      PACKAGE: clause(group),
      SALT: group === 'internal' ? '0' : '1',
      COPY: JSON.stringify(group === 'internal' ? 'i' : 'x'),
    };
    if (sites > 0) {
      // The package's own files call it, so the internal copy is not a _test.go file.
      const name = group === 'internal' ? 'goleakrun_perturb.go' : 'goleakrun_xperturb_test.go';
      add(
        name,
        renderTemplate(opts.templates.perturb, {
          ...values,
          SITES: String(sites),
          SEED: String(opts.seed),
          PERTURB_ENV: JSON.stringify(PERTURB_ENV),
        }),
      );
    }
    if (hooks[group] > 0) {
      const name = group === 'internal' ? 'goleakrun_stress_test.go' : 'goleakrun_xstress_test.go';
      add(
        name,
        renderTemplate(opts.templates.stress, {
          ...values,
          STRESS_ENV: JSON.stringify(STRESS_LOG_ENV),
          MAX_LEFTOVER: String(MAX_LEFTOVER),
        }),
      );
    }
  }
  return { ...plan, files: [...files.values()], warnings };
}

// Added files need names that no file of the directory has, listed, planned or on disk.
function nameAllocator(
  pkg: ResolvedPackage,
  planned: Set<string>,
  fileExists: (absPath: string) => boolean,
): (name: string) => string {
  const taken = new Set([...pkg.goFiles, ...pkg.testGoFiles, ...pkg.xTestGoFiles].map((n) => join(pkg.dir, n)));
  return (name) => {
    const [stem, ext] = name.endsWith('_test.go') ? [name.slice(0, -8), '_test.go'] : [name.slice(0, -3), '.go'];
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${stem}_${n}${ext}`;
      const path = join(pkg.dir, candidate);
      if (!taken.has(path) && !planned.has(path) && !fileExists(path)) {
        taken.add(path);
        return candidate;
      }
    }
  };
}

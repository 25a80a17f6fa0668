// The overlay plan of a stressed package: the helper's rewrites over the check's, and the Go they call.
import { describe, expect, it } from 'vitest';
import type { ResolvedPackage } from '../../src/model.js';
import type { PackageOverlayPlan } from '../../src/overlay/index.js';
import { rewriteRequest, stressPlan, type RewriteResponse } from '../../src/stress/stress-overlay.js';

const pkg: ResolvedPackage = {
  importPath: 'example.com/m/p',
  dir: '/m/p',
  name: 'p',
  goFiles: ['p.go', 'gone.go'],
  testGoFiles: ['p_test.go'],
  xTestGoFiles: ['x_test.go'],
  noTestFiles: false,
};
const plan: PackageOverlayPlan = {
  importPath: pkg.importPath,
  files: [
    { originalPath: '/m/p/p_test.go', content: 'package p // with the check' },
    { originalPath: '/m/p/goleakrun_check_test.go', content: 'package p // the check' },
  ],
  notes: [],
  warnings: [],
  rules: [],
  handoffs: [],
};
const sources = (path: string): string => {
  if (path.endsWith('gone.go')) throw new Error('deleted by the user overlay');
  return `package x // ${path}`;
};
const templates = {
  perturb: '//# doc\npackage {{PACKAGE}} // {{SITES}} {{SEED}} {{PERTURB_ENV}} {{SALT}}',
  stress: 'package {{PACKAGE}} // {{STRESS_ENV}} {{COPY}} {{MAX_LEFTOVER}}',
};

describe('rewriteRequest', () => {
  it("sends the files as go compiles them: the check's rewrite where there is one, not what a user overlay deleted", () => {
    const req = rewriteRequest(pkg, plan, sources, { perturb: true, hooks: false });
    expect(req.files.map((f) => [f.path, f.src, f.group, f.test])).toEqual([
      ['/m/p/p.go', 'package x // /m/p/p.go', 'internal', false],
      ['/m/p/p_test.go', 'package p // with the check', 'internal', true],
      ['/m/p/x_test.go', 'package x // /m/p/x_test.go', 'external', true],
    ]);
    expect(req).toMatchObject({
      perturb: true,
      hooks: false,
      perturbFunc: 'goleakrunPerturb',
      hookFunc: 'goleakrunStressRound',
    });
  });
});

describe('stressPlan', () => {
  const response: RewriteResponse = {
    files: [
      { path: '/m/p/p.go', src: 'package p // perturbed', package: 'p', sites: 2, hooks: 0 },
      { path: '/m/p/p_test.go', src: 'package p // hooked', package: 'p', sites: 0, hooks: 1 },
      { path: '/m/p/x_test.go', src: 'package p_test // both', package: 'p_test', sites: 1, hooks: 2 },
    ],
    sites: { internal: 2, external: 1 },
  };

  it('adds the perturbation runtime (a non-test file in the package) and the round hook to each copy', () => {
    const out = stressPlan(pkg, plan, response, {
      templates,
      seed: 42,
      fileExists: (p) => p === '/m/p/goleakrun_perturb.go',
    });
    expect(out.files.map((f) => [f.originalPath, f.content])).toEqual([
      ['/m/p/p_test.go', 'package p // hooked'],
      ['/m/p/goleakrun_check_test.go', 'package p // the check'],
      ['/m/p/p.go', 'package p // perturbed'],
      ['/m/p/x_test.go', 'package p_test // both'],
      // The name is taken on disk (hidden by build tags, say): the next one is used.
      ['/m/p/goleakrun_perturb_2.go', 'package p // 2 42 "GOLEAKRUN_PERTURB" 0'],
      ['/m/p/goleakrun_stress_test.go', 'package p // "GOLEAKRUN_STRESS_LOG" "i" 10000'],
      ['/m/p/goleakrun_xperturb_test.go', 'package p_test // 1 42 "GOLEAKRUN_PERTURB" 1'],
      ['/m/p/goleakrun_xstress_test.go', 'package p_test // "GOLEAKRUN_STRESS_LOG" "x" 10000'],
    ]);
  });

  it('adds nothing where nothing was inserted, and says which file could not be read', () => {
    const none: RewriteResponse = {
      files: [{ path: '/m/p/p.go', src: '', package: '', sites: 0, hooks: 0, error: 'p.go:3:1: expected }' }],
      sites: {},
    };
    const out = stressPlan(pkg, plan, none, { templates, seed: 0, fileExists: () => false });
    expect(out.files).toEqual(plan.files);
    expect(out.warnings).toEqual(['not perturbed: p.go:3:1: expected }']);
  });
});

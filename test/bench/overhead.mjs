// Where goleak-run's fixed cost goes on the bench module, each part timed alone (median of
// alternating rounds): node start-up, loading the CLI, go env + go list, planning and writing
// the overlay, and go test -json against plain go test (the overlay's own build cost included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(cmd, args, cwd, env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return performance.now() - t0;
}

// Plans and writes the overlay of every package in a fresh node process, as a run does (cold JIT).
const PLAN_SCRIPT = `
const [dist, dir, out] = process.argv.slice(1);
const t0 = performance.now();
const { resolvePackages } = await import(dist + '/resolve/resolve-packages.js');
const r = await resolvePackages({ go: 'go', cwd: dir, env: process.env, patterns: ['./...'], buildFlags: [] });
const t1 = performance.now();
const { loadTemplates, planOverlay, writeOverlay } = await import(dist + '/overlay/index.js');
const { BUILTIN_IGNORES } = await import(dist + '/classify/index.js');
const { readFileSync } = await import('node:fs');
const templates = await loadTemplates();
const plans = r.packages.filter((p) => !p.noTestFiles).map((p) =>
  planOverlay(p, (f) => readFileSync(f, 'utf8'), { maxWaitMs: 2000, rules: BUILTIN_IGNORES, templates, key: '0'.repeat(64) }));
const t2 = performance.now();
await writeOverlay(plans, out);
const t3 = performance.now();
console.log(JSON.stringify({ plan: t2 - t1, write: t3 - t2, files: plans.flatMap((p) => p.files).length }));
`;

/** Prints the breakdown; `cli` is the shipped bundle, `dist` tsc's tree (its modules are timed alone). */
export function overheadBreakdown({ dir, cli, dist, rounds }) {
  const env = { ...process.env, CI: 'true' };
  const listArgs = ['list', '-e', '-json=ImportPath,Dir,Name,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error', './...'];
  const parts = {
    'node start-up (node -e "")': () => timed('node', ['-e', ''], dir, env),
    'node + CLI load (--version)': () => timed('node', [cli, '--version'], dir, env),
    'go env (beside go list)': () => timed('go', ['env', '-json', 'GOVERSION', 'GOMOD', 'GOROOT', 'GOWORK'], dir, env),
    'go list -e -json': () => timed('go', listArgs, dir, env),
    'go test (cached)': () => timed('go', ['test', './...'], dir, env),
    'go test -json (cached)': () => timed('go', ['test', '-json', './...'], dir, env),
    'goleak-run (cached)': () => timed('node', [cli, '--no-config', '--no-baseline', './...'], dir, env),
  };
  const samples = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  const plan = { plan: [], write: [] };
  for (const run of Object.values(parts)) run(); // warm caches
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(parts)) samples[name].push(run());
    const out = mkdtempSync(join(tmpdir(), 'goleak-run-bench-overlay-'));
    const r = spawnSync('node', ['--input-type=module', '-e', PLAN_SCRIPT, dist, dir, out], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`overlay timing failed: ${r.stderr}`);
    const t = JSON.parse(r.stdout);
    plan.plan.push(t.plan);
    plan.write.push(t.write);
  }
  console.log(
    `fixed cost, median of ${rounds} alternating rounds (parts overlap in a run: go list runs while node loads):`,
  );
  for (const [name, xs] of Object.entries(samples))
    console.log(`  ${name.padEnd(30)} ${median(xs).toFixed(0).padStart(6)} ms`);
  console.log(`  ${'overlay plan (all packages)'.padEnd(30)} ${median(plan.plan).toFixed(0).padStart(6)} ms`);
  console.log(`  ${'overlay write'.padEnd(30)} ${median(plan.write).toFixed(0).padStart(6)} ms`);
}

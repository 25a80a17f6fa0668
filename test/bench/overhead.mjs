// Where goleak-run's fixed cost goes on the bench module, each part timed alone (median of
// alternating rounds): node start-up, loading the CLI, go env + go list, planning and writing
// the overlay, and go test -json with the overlay against plain go test; with -count=1, the
// cost of the armed check in the binaries alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(cmd, args, cwd, env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return performance.now() - t0;
}

// Plans the overlay of every package in a fresh node process, as a run does (cold JIT), then
// writes it twice: every file into a temp dir (as runs did), and into a warm cache (as they do).
const PLAN_SCRIPT = `
const [dist, dir, out, cacheDir] = process.argv.slice(1);
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
const { writeCachedOverlay } = await import(dist + '/app/overlay-cache.js');
await writeCachedOverlay({ plans, tmpDir: cacheDir, cacheDir, now: Date.now() });
const t4 = performance.now();
console.log(JSON.stringify({ plan: t2 - t1, write: t3 - t2, cached: t4 - t3 }));
`;

/** Prints the breakdown; `cli` is the shipped bundle, `dist` tsc's tree (its modules are timed alone). */
export function overheadBreakdown({ dir, cli, dist, rounds }) {
  const env = { ...process.env, CI: 'true' };
  // The bench's own overlay cache; its overlay.json (written beside) is what go test is timed with.
  const cacheDir = mkdtempSync(join(tmpdir(), 'goleak-run-bench-cache-'));
  const overlay = () => {
    const out = mkdtempSync(join(tmpdir(), 'goleak-run-bench-overlay-'));
    const r = spawnSync('node', ['--input-type=module', '-e', PLAN_SCRIPT, dist, dir, out, cacheDir], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`overlay timing failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  overlay();
  // Where runs save their resolution (src/app/warm-start.ts): $XDG_CACHE_HOME/goleak-run, else ~/.cache.
  const resolutionCache = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'goleak-run', 'resolution');
  const listArgs = ['list', '-e', '-json=ImportPath,Dir,Name,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error', './...'];
  const parts = {
    'node start-up (node -e "")': () => timed('node', ['-e', ''], dir, env),
    'node + CLI load (--version)': () => timed('node', [cli, '--version'], dir, env),
    'go env (beside go list)': () => timed('go', ['env', '-json', 'GOVERSION', 'GOMOD', 'GOROOT', 'GOWORK'], dir, env),
    'go list -e -json': () => timed('go', listArgs, dir, env),
    'go test (cached)': () => timed('go', ['test', './...'], dir, env),
    'go test -json (cached)': () => timed('go', ['test', '-json', './...'], dir, env),
    'go test -json -overlay (cached)': () =>
      timed('go', ['test', '-json', `-overlay=${join(cacheDir, 'overlay.json')}`, './...'], dir, env),
    'goleak-run (cached)': () => timed('node', [cli, '--no-config', '--no-baseline', './...'], dir, env),
    // Without the resolution the last run saved: go test waits for go list, as on a changed tree.
    'goleak-run (cached, cold start)': () => {
      rmSync(resolutionCache, { recursive: true, force: true });
      return timed('node', [cli, '--no-config', '--no-baseline', './...'], dir, env);
    },
  };
  const samples = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  const steps = { plan: [], write: [], cached: [] };
  for (const run of Object.values(parts)) run(); // warm caches
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(parts)) samples[name].push(run());
    const t = overlay();
    for (const k of Object.keys(steps)) steps[k].push(t[k]);
  }
  const floor = countOneFloor({ dir, cli, env, overlayFile: join(cacheDir, 'overlay.json'), rounds });
  rmSync(cacheDir, { recursive: true, force: true });
  const line = (name, ms, note = '') => console.log(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms${note}`);
  console.log(
    `fixed cost, median of ${rounds} alternating rounds (in a run, go list overlaps node's loading; in a warm start, go test too):`,
  );
  for (const [name, xs] of Object.entries(samples)) line(name, median(xs));
  line('overlay plan (all packages)', median(steps.plan));
  line('overlay write, into a temp dir', median(steps.write), '   (what every run paid before the cache)');
  line('overlay write, warm cache', median(steps.cached), '   (what a run pays now)');
  const plain = median(floor['go test -count=1']);
  console.log(`-count=1, median of ${rounds} alternating rounds: the check's own cost in the binaries, without node:`);
  for (const [name, xs] of Object.entries(floor)) {
    line(name, median(xs), name === 'go test -count=1' ? '' : `   ratio ${(median(xs) / plain).toFixed(3)}`);
  }
}

// -count=1 three ways: plain, go test as goleak-run starts it (the overlay, its environment,
// the check armed in every binary) from a shell, and goleak-run. The middle one is the floor
// goleak-run's -count=1 ratio cannot go under while it checks the way it does.
function countOneFloor({ dir, cli, env, overlayFile, rounds }) {
  const results = mkdtempSync(join(tmpdir(), 'goleak-run-bench-results-'));
  const goTmp = mkdtempSync(join(tmpdir(), 'goleak-run-bench-gotmp-'));
  // The environment of src/app/main.ts and src/run: GOTMPDIR, the ancestors GODEBUG, the results dir.
  const armed = { ...env, GOTMPDIR: goTmp, GODEBUG: 'tracebackancestors=10', GOLEAKRUN_RESULTS: results };
  const parts = {
    'go test -count=1': () => timed('go', ['test', '-count=1', './...'], dir, env),
    'go test -json -overlay, armed': () =>
      timed('go', ['test', '-json', `-overlay=${overlayFile}`, '-count=1', './...'], dir, armed),
    'goleak-run -count=1': () =>
      timed('node', [cli, '--no-config', '--no-baseline', './...', '--', '-count=1'], dir, env),
  };
  const samples = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  for (const run of Object.values(parts)) run(); // warm caches
  for (let i = 0; i < rounds; i++) for (const [name, run] of Object.entries(parts)) samples[name].push(run());
  rmSync(results, { recursive: true, force: true });
  rmSync(goTmp, { recursive: true, force: true });
  return samples;
}

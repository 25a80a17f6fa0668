// `npm run bench`: goleak-run's wall-time overhead over plain go test, and the dump parser's throughput.
// Both figures come from one run on this machine, with warm Go build caches.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateModule } from './gen-module.mjs';
import { overheadBreakdown } from './overhead.mjs';
import { generateScaleModule, proofWait, scaleRatio } from './scale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The bundle the package ships, as a user runs it.
const cli = join(root, 'dist', 'bin', 'goleak-run.js');
const work = join(tmpdir(), 'goleak-run-bench');
const moduleDir = join(work, 'module');
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const GOROUTINES = Number(process.env.BENCH_GOROUTINES ?? 100_000);

function run(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: moduleDir, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function overhead(label, goTestFlags, target) {
  const plain = ['test', ...goTestFlags, './...'];
  const ours = [cli, '--no-config', '--no-baseline', './...', '--', ...goTestFlags];
  // Warm-up: fill the build cache for both variants (ours builds test binaries with the overlay).
  run('go', plain);
  const warm = run('node', ours, { env: { ...process.env, CI: 'true' } });
  if (warm.status !== 0) throw new Error(`goleak-run failed on the bench module:\n${warm.stdout}${warm.stderr}`);
  const a = [];
  const b = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(run('go', plain).ms);
    b.push(run('node', ours, { env: { ...process.env, CI: 'true' } }).ms);
  }
  const ratio = median(b) / median(a);
  // On a shared 2-core machine single runs swing by a second; the ratio of the fastest runs
  // is printed beside the ratio of medians as a check on that noise.
  const best = Math.min(...b) / Math.min(...a);
  console.log(
    `${label.padEnd(30)} go test ${median(a).toFixed(0).padStart(6)} ms   goleak-run ${median(b).toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(3)} (target <= ${target}; fastest runs ${best.toFixed(3)})`,
  );
  return ratio;
}

async function parserThroughput() {
  const dumpFile = join(work, `dump-${GOROUTINES}.txt`);
  if (!existsSync(dumpFile)) {
    const gen = spawnSync('go', ['run', '.', String(GOROUTINES)], {
      cwd: join(root, 'fixtures', 'dumps', 'big'),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (gen.status !== 0) throw new Error(`dump generator failed: ${gen.stderr}`);
    writeFileSync(dumpFile, gen.stdout);
  }
  const text = readFileSync(dumpFile, 'utf8');
  const { parseDump } = await import(join(root, 'dist', 'parse', 'goroutine-dump.js'));
  parseDump(text); // warm the JIT
  const t0 = performance.now();
  const dump = parseDump(text);
  const ms = performance.now() - t0;
  const rate = dump.goroutines.length / (ms / 1000);
  console.log(
    `dump parser: ${dump.goroutines.length} goroutines, ${(text.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${Math.round(rate).toLocaleString('en-US')} goroutines/s (${dump.warnings.length} warnings)`,
  );
}

mkdirSync(work, { recursive: true });
generateModule(moduleDir, PACKAGES);
console.log(`bench module: ${PACKAGES} packages, no leaks; ${ROUNDS} alternating rounds each, median wall time`);
// Two CPUs shared with whatever else runs: the load is printed so the figures can be read against it.
console.log(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
overhead('warm build cache, -count=1', ['-count=1'], '1.05');
overhead('warm build and test cache', [], '1.5');
overheadBreakdown({ dir: moduleDir, cli, dist: join(root, 'dist'), rounds: ROUNDS });
await parserThroughput();
const scaleDir = join(work, 'scale');
generateScaleModule(scaleDir);
const SCALE_ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3);
console.log(
  `scale: ${SCALE_ROUNDS} alternating rounds each, median wall time; goleak-run with its defaults (--max-wait 2s)`,
);
scaleRatio({
  label: '100,000 leaked goroutines',
  dir: scaleDir,
  cli,
  pkg: './bigleak',
  plainFlags: [],
  ourArgs: [],
  rounds: SCALE_ROUNDS,
  target: '3',
});
scaleRatio({
  label: '2,000,000 output lines (vs -json)',
  dir: scaleDir,
  cli,
  pkg: './chatty',
  plainFlags: ['-json'],
  ourArgs: [],
  rounds: SCALE_ROUNDS,
  target: '1.3',
});
proofWait({ root, cli, work, rounds: SCALE_ROUNDS });

// `goleak-run profile` on a 100,000-goroutine profile, text and protobuf: wall time of the whole
// CLI process (start-up, reading, analysis, report) and its peak RSS, median of a few runs.
// The profiles come from fixtures/profile-big with the real go binary; build dist/ first.
//
//   node test/bench/profile-bench.mjs        (BENCH_GOROUTINES, BENCH_ROUNDS to change the defaults)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli.js');
const GOROUTINES = Number(process.env.BENCH_GOROUTINES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const work = join(tmpdir(), 'goleak-run-profile-bench', String(GOROUTINES));
const LIMIT_MS = 2000;
const LIMIT_MB = 300;

const FORMS = [
  ['text (debug=2 stacks)', 'goroutine-debug2.txt'],
  ['protobuf (gzipped pprof)', 'goroutine.pb.gz'],
  ['text (debug=1 counts)', 'goroutine-debug1.txt'],
];

function generate() {
  if (FORMS.every(([, f]) => existsSync(join(work, f)))) return;
  mkdirSync(work, { recursive: true });
  const gen = spawnSync('go', ['run', '.', '-n', String(GOROUTINES), '-out', work], {
    cwd: join(root, 'fixtures', 'profile-big'),
    encoding: 'utf8',
  });
  if (gen.status !== 0) throw new Error(`profile generator failed: ${gen.stderr}`);
}

// Peak RSS and CPU time as the process itself sees them at exit (getrusage), printed on stderr.
const preload = join(work, 'maxrss.cjs');

function runOnce(file) {
  const json = join(work, 'report.json');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, cli, 'profile', file, '--json', json], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  if (r.status !== 1) throw new Error(`expected exit code 1 (suspects), got ${r.status}: ${r.stderr}`);
  const m = /goleak-run-bench maxrss_kb (\d+) cpu_us (\d+)/.exec(r.stderr);
  const report = JSON.parse(readFileSync(json, 'utf8'));
  return { ms, mb: Number(m?.[1]) / 1024, cpuMs: Number(m?.[2]) / 1000, report };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

generate();
writeFileSync(
  preload,
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('goleak-run-bench maxrss_kb ' + u.maxRSS + ' cpu_us ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
);
console.log(
  `goleak-run profile on ${GOROUTINES.toLocaleString('en-US')} goroutines; median of ${ROUNDS} runs, whole CLI process`,
);
let first;
let ok = true;
for (const [label, name] of FORMS) {
  const file = join(work, name);
  runOnce(file); // warm the file cache
  const runs = Array.from({ length: ROUNDS }, () => runOnce(file));
  const ms = median(runs.map((r) => r.ms));
  // CPU time says what a loaded machine's wall time hides.
  const cpu = median(runs.map((r) => r.cpuMs));
  const mb = Math.max(...runs.map((r) => r.mb));
  const { report } = runs[0];
  // Every form must say the same thing about the same goroutines.
  const verdict = JSON.stringify(report.suspects.map((s) => [s.function, s.location.line, s.count]));
  first ??= verdict;
  if (verdict !== first) throw new Error(`${label} disagrees with the first form: ${verdict} vs ${first}`);
  const size = (statSync(file).size / 1e6).toFixed(1);
  const within = ms < LIMIT_MS && mb < LIMIT_MB;
  ok &&= within;
  console.log(
    `${label.padEnd(26)} ${size.padStart(6)} MB  ${report.summary.goroutines} goroutines  ${ms.toFixed(0).padStart(5)} ms (cpu ${cpu.toFixed(0)} ms)  peak RSS ${mb.toFixed(0).padStart(4)} MB  ${within ? 'ok' : `over ${LIMIT_MS} ms / ${LIMIT_MB} MB`}`,
  );
}
process.exitCode = ok ? 0 : 1;

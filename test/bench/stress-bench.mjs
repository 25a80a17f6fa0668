// Speed of `goleak-run --stress`: runs (rounds of a package's tests) per second, against plain
// `go test -count=N` on the same package (one process, N rounds, no leak check). Two clean
// packages, generated in a temp module: `fast`, whose round is a goroutine hand-off taking
// microseconds (the loop's own cost dominates), and `spin`, whose round busy-waits 2 ms (as
// fixtures/flaky/lookupfixed does; the test's own time dominates).
//
//   node test/bench/stress-bench.mjs [--budget 10s]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const budget = args.includes('--budget') ? args[args.indexOf('--budget') + 1] : '10s';
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'goleak-run-stress-bench-'));
const env = { ...process.env, GOFLAGS: '', GOWORK: 'off' };

const FAST = `package fast

import (
	"sync"
	"testing"
)

func TestHandOff(t *testing.T) {
	var mu sync.Mutex
	done := make(chan int)
	go func() {
		mu.Lock()
		n := 1
		mu.Unlock()
		done <- n
	}()
	if <-done != 1 {
		t.Fatal("lost")
	}
}
`;
const SPIN = `package spin

import (
	"testing"
	"time"
)

func TestSpin(t *testing.T) {
	result := make(chan int, 1)
	go func() { result <- 1 }()
	for start := time.Now(); time.Since(start) < 2*time.Millisecond; {
	}
	<-result
}
`;

function layOut() {
  writeFileSync(join(dir, 'go.mod'), 'module bench\n\ngo 1.22\n');
  for (const [name, src] of [
    ['fast', FAST],
    ['spin', SPIN],
  ]) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, `${name}_test.go`), src);
  }
}

/** Plain go test -count=N: N rounds in one process; warm build cache; rounds per second of wall time. */
function plain(pkg, count) {
  execFileSync('go', ['test', '-count=1', `./${pkg}`], { cwd: dir, env });
  const started = process.hrtime.bigint();
  execFileSync('go', ['test', `-count=${count}`, `./${pkg}`], { cwd: dir, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { runs: count, seconds, perSecond: count / seconds };
}

/** goleak-run --stress: runs and seconds of the package's stress loop, from the JSON report. */
function stress(pkg, perturb) {
  const json = join(dir, `${pkg}-${perturb}.json`);
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '--no-config',
      '--no-baseline',
      '--stress',
      budget,
      `--stress-perturb=${perturb}`,
      '--json',
      json,
      `./${pkg}`,
    ],
    { cwd: dir, env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`goleak-run exited ${run.status}: ${run.stderr}`);
  const [p] = JSON.parse(readFileSync(json, 'utf8')).packages;
  return {
    runs: p.stress.runs,
    seconds: p.stress.seconds,
    perSecond: p.stress.runs / p.stress.seconds,
    chunks: p.stress.chunks,
  };
}

layOut();
try {
  const rows = [];
  for (const [pkg, count] of [
    ['fast', 200_000],
    ['spin', 2000],
  ]) {
    const base = plain(pkg, count);
    rows.push([pkg, `go test -count=${count}`, base, 1]);
    for (const perturb of ['off', 'on']) {
      const s = stress(pkg, perturb);
      rows.push([
        pkg,
        `goleak-run --stress ${budget} --stress-perturb=${perturb} (${s.chunks} chunks)`,
        s,
        s.perSecond / base.perSecond,
      ]);
    }
  }
  console.log(
    `stress loop speed, ${process.env.GOMAXPROCS ?? 'all'} CPUs, Go ${execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim()}`,
  );
  for (const [pkg, what, r, ratio] of rows) {
    console.log(
      `  ${pkg.padEnd(5)} ${what.padEnd(58)} ${String(r.runs).padStart(8)} runs in ${r.seconds.toFixed(2).padStart(6)}s = ${Math.round(r.perSecond).toString().padStart(7)}/s  (${ratio.toFixed(2)}× go test)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

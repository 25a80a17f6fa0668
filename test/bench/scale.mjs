// Scale figures for `npm run bench`: a test leaking 100,000 goroutines, and a test printing
// 2,000,000 lines, each against plain go test on the same package, plus node's peak memory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const here = new URL('.', import.meta.url).pathname;

/** Writes the module with packages bigleak (LEAK_N goroutines) and chatty (2M lines). */
export function generateScaleModule(dir) {
  mkdirSync(join(dir, 'bigleak'), { recursive: true });
  mkdirSync(join(dir, 'chatty'), { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/scale\n\ngo 1.24\n');
  writeFileSync(
    join(dir, 'bigleak', 'bigleak_test.go'),
    `package bigleak

import (
	"os"
	"strconv"
	"testing"
)

var never = make(chan struct{})

func blocked() { <-never }

// TestLeaksMany leaves LEAK_N goroutines (default 100,000) blocked on a channel.
func TestLeaksMany(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("LEAK_N"))
	if err != nil {
		n = 100000
	}
	for i := 0; i < n; i++ {
		go blocked()
	}
}
`,
  );
  writeFileSync(
    join(dir, 'chatty', 'chatty_test.go'),
    `package chatty

import (
	"bufio"
	"os"
	"testing"
)

// TestChatty prints 2,000,000 lines.
func TestChatty(t *testing.T) {
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	for i := 0; i < 2000000; i++ {
		w.WriteString("line of chatty test output number 0123456789\\n")
	}
	w.Flush()
}
`,
  );
}

function timed(cmd, args, cwd, env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.error) throw r.error;
  return performance.now() - t0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Alternating runs of plain go test and goleak-run on one package; prints the ratio and node's peak RSS. */
export function scaleRatio({ label, dir, cli, pkg, plainFlags, ourArgs, rounds, target }) {
  const rssFile = join(dir, 'peak-rss.txt');
  const env = { ...process.env, CI: 'true' };
  const ourEnv = { ...env, PEAK_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${join(here, 'peak-rss.cjs')}` };
  const plain = ['test', ...plainFlags, '-count=1', pkg];
  const ours = [cli, '--no-config', '--no-baseline', ...ourArgs, pkg, '--', '-count=1'];
  timed('go', plain, dir, env);
  timed('node', ours, dir, ourEnv); // warm-up: builds both test binaries
  const a = [];
  const b = [];
  const rss = [];
  for (let i = 0; i < rounds; i++) {
    a.push(timed('go', plain, dir, env));
    b.push(timed('node', ours, dir, ourEnv));
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const ratio = median(b) / median(a);
  console.log(
    `${label.padEnd(34)} go test ${median(a).toFixed(0).padStart(6)} ms   goleak-run ${median(b).toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(2)} (target ${target})   node peak ${Math.max(...rss).toFixed(0)} MB`,
  );
  return ratio;
}

/** The wait a leaking package pays (fixtures/proof/chanleak), without the GC's proof (this Go) and with it (Go 1.27). */
export function proofWait({ root, cli, work, rounds }) {
  const dir = join(root, 'fixtures', 'proof');
  const json = join(work, 'proof.json');
  const waited = (toolchain) => {
    const env = { ...process.env, CI: 'true', GOTOOLCHAIN: toolchain };
    const ms = [];
    for (let i = 0; i < rounds; i++) {
      spawnSync('node', [cli, '--no-config', '--no-baseline', '--json', json, './chanleak', '--', '-count=1'], {
        cwd: dir,
        env,
        stdio: 'ignore',
      });
      const pkg = JSON.parse(readFileSync(json, 'utf8')).packages[0];
      ms.push(pkg.waitedMs);
    }
    return median(ms);
  };
  const without = waited('local');
  const withProof = waited('go1.27.4');
  console.log(
    `wait paid by a leaking package (chan send, --max-wait 2s): without the GC's proof ${without} ms, with it (Go 1.27.4) ${withProof} ms`,
  );
}

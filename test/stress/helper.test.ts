// The Go helper, built with the machine's toolchain: the rewrite keeps every line and byte of
// the user's code and inserts calls only where they are statements; the supervisor runs
// processes in its own group and leaves none behind.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHelper } from '../../src/stress/helper-binary.js';
import { rewriteFiles } from '../../src/stress/run-helper.js';
import { HOOK_FUNC, PERTURB_FUNC, type RewriteFile } from '../../src/stress/stress-overlay.js';
import { startSupervisor } from '../../src/stress/supervisor.js';
import { tempDir } from '../e2e/run-cli.js';

const goEnv = { ...process.env, GOWORK: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local' };
const go = (args: string[], cwd?: string) => execFileSync('go', args, { cwd, env: goEnv, encoding: 'utf8' }).trim();
const tmp = tempDir('goleak-run-helper-');
let helper = '';

beforeAll(async () => {
  helper = await ensureHelper({
    goRoot: go(['env', 'GOROOT']),
    goVersion: go(['env', 'GOVERSION']),
    env: goEnv,
    cacheDir: join(tmp.path, 'cache'),
    tmpDir: tmp.path,
    platform: process.platform,
    arch: process.arch,
    pid: process.pid,
  });
});
afterAll(() => tmp.remove());

const rewrite = (files: RewriteFile[], hooks = true) =>
  rewriteFiles(helper, { files, perturb: true, hooks, perturbFunc: PERTURB_FUNC, hookFunc: HOOK_FUNC });

const SAMPLE = `package p

import (
	"sync"
	tt "testing"
)

func work(ch chan int, mu *sync.Mutex, wg *sync.WaitGroup, done <-chan struct{}) int {
	mu.Lock()
	defer mu.Unlock()
	ch <- 1
	v := <-ch
	if x, ok := <-ch; ok { v += x }
	go func() { ch <- 2 }()
	select {
	case ch <- 3:
	case <-done:
		close(ch)
	}
	wg.Done()
	for range ch {
	}
L:
	select {
	case <-done:
		break L
	}
	for {
		select {
		case <-done:
			return v + len("ch <- 1 // <-ch")
		}
	}
}

func TestP(t *tt.T) {
	t.Log("x")
}

func TestUnnamed(*tt.T) {}

func TestBlank(_ *tt.T) {}

func Testlower(t *tt.T) {}

func helper(t *tt.T) {}
`;

describe('rewrite', () => {
  it('inserts a perturbation point before each synchronising statement and a hook into each test', async () => {
    const { files, sites } = await rewrite([{ path: '/m/p/p_test.go', src: SAMPLE, group: 'internal', test: true }]);
    const [file] = files;
    expect(file?.error).toBeUndefined();
    expect(file?.package).toBe('p');
    expect(sites).toEqual({ internal: 11 });
    expect(file?.hooks).toBe(3);
    expect(file?.src.split('\n').filter((l) => /goleakrun/.test(l))).toEqual([
      '\tgoleakrunPerturb(0); mu.Lock()',
      '\tgoleakrunPerturb(1); ch <- 1',
      '\tgoleakrunPerturb(2); v := <-ch',
      '\tgoleakrunPerturb(3); if x, ok := <-ch; ok { v += x }',
      '\tgoleakrunPerturb(4); go func() { goleakrunPerturb(5); ch <- 2 }()',
      '\tgoleakrunPerturb(6); select {',
      '\t\tgoleakrunPerturb(7); close(ch)',
      '\tgoleakrunPerturb(8); wg.Done()',
      // A label keeps its statement: the point goes before the label.
      'goleakrunPerturb(9); L:',
      '\t\tgoleakrunPerturb(10); select {',
      'func TestP(t *tt.T) {goleakrunStressRound(t); ',
      'func TestUnnamed(goleakrunT *tt.T) {goleakrunStressRound(goleakrunT); }',
      'func TestBlank(goleakrunT *tt.T) {goleakrunStressRound(goleakrunT); }',
    ]);
    // `defer mu.Unlock()`, `for range ch` (no receive in its header), strings and comments get nothing.
    expect(file?.src).toContain('\tdefer mu.Unlock()\n');
    expect(file?.src).toContain('\tfor range ch {\n');
    expect(file?.src).toContain('\t\t\treturn v + len("ch <- 1 // <-ch")\n');
  });

  it('numbers sites per copy, leaves non-test files without hooks and unparsable files as they are', async () => {
    const { files, sites } = await rewrite([
      {
        path: '/m/p/a.go',
        src: 'package p\n\nfunc A(c chan int) { c <- 1 }\n\nfunc TestA(t *testing.T) {}\n',
        group: 'internal',
        test: false,
      },
      { path: '/m/p/b_test.go', src: 'package p_test\n\nfunc B(c chan int) { <-c }\n', group: 'external', test: true },
      { path: '/m/p/c.go', src: 'package p\n\nfunc C( {\n', group: 'internal', test: false },
      { path: '/m/p/d.go', src: 'package p\n\nfunc D(c chan int) { close(c) }\n', group: 'internal', test: false },
    ]);
    expect(sites).toEqual({ internal: 2, external: 1 });
    expect(files.map((f) => [f.src.split('\n')[2], f.hooks])).toEqual([
      ['func A(c chan int) { goleakrunPerturb(0); c <- 1 }', 0],
      ['func B(c chan int) { goleakrunPerturb(0); <-c }', 0],
      [undefined, 0],
      ['func D(c chan int) { goleakrunPerturb(1); close(c) }', 0],
    ]);
    expect(files[2]?.error).toMatch(/expected/);
    expect(files[2]?.src).toBe('');
  });

  it('keeps every line and every byte of real Go code: only whole calls are inserted', async () => {
    const goroot = go(['env', 'GOROOT']);
    const dirs = [
      'src/sync',
      'src/context',
      'src/net/http',
      'src/os/exec',
      'src/runtime/testdata/testgoroutineleakprofile/goker',
    ];
    const files: RewriteFile[] = dirs.flatMap((d) =>
      readdirSync(join(goroot, d))
        .filter((f) => f.endsWith('.go'))
        .map((f) => ({
          path: join(goroot, d, f),
          src: readFileSync(join(goroot, d, f), 'utf8'),
          group: 'internal' as const,
          test: f.endsWith('_test.go'),
        })),
    );
    expect(files.length).toBeGreaterThan(150);
    const { files: out } = await rewrite(files);
    const outDir = join(tmp.path, 'corpus');
    mkdirSync(outDir);
    let changed = 0;
    out.forEach((r, i) => {
      const original = files[i]!.src;
      expect(r.error).toBeUndefined();
      if (r.src === '') return;
      changed++;
      expect(r.src.split('\n').length).toBe(original.split('\n').length);
      const removed = r.src
        .replace(/goleakrunPerturb\(\d+\); /g, '')
        .replace(/goleakrunStressRound\((\w+)\); /g, '')
        .replace(/\(goleakrunT \*/g, '(*');
      expect(removed).toBe(original);
      writeFileSync(join(outDir, `${i}.go`), r.src);
    });
    expect(changed).toBeGreaterThan(100);
    // gofmt -l parses every file and fails on a syntax error.
    expect(() => execFileSync(join(goroot, 'bin', 'gofmt'), ['-e', '-l', outDir], { encoding: 'utf8' })).not.toThrow();
  });
});

// Gone, or a zombie waiting for a parent that died with the group (a container's init may never reap it).
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    let stat: string;
    try {
      process.kill(pid, 0);
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return true;
    }
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('supervise', () => {
  it('runs a process with its output in a file, and reports its exit code', async () => {
    const s = startSupervisor(helper);
    const out = join(tmp.path, 'out1');
    const end = await s.run({
      argv: ['/bin/sh', '-c', 'echo out; echo err >&2; exit 3'],
      env: { PATH: process.env.PATH },
      dir: tmp.path,
      out,
    });
    expect(end).toMatchObject({ exitCode: 3 });
    expect(end.pid).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toBe('out\nerr\n');
    const missing = await s.run({ argv: ['/no/such/binary'], env: {}, dir: tmp.path, out: join(tmp.path, 'out2') });
    expect(missing.error).toMatch(/no such file/);
    await s.close();
  });

  it('kills one process on request, and every one when it closes or is stopped', async () => {
    const s = startSupervisor(helper);
    const sleep = () =>
      s.run({ argv: ['/bin/sleep', '30'], env: {}, dir: tmp.path, out: join(tmp.path, 'sleep') }, (id) => ids.push(id));
    const ids: number[] = [];
    const first = sleep();
    const second = sleep();
    while (ids.length < 2) await new Promise((r) => setTimeout(r, 10));
    s.kill(ids[0]!);
    expect(await first).toMatchObject({ signal: 'killed' });
    await s.close();
    const end = await second;
    expect(end.signal).toBe('killed');
    expect(await gone(end.pid!)).toBe(true);

    const t = startSupervisor(helper);
    let pid = 0;
    const third = t.run({ argv: ['/bin/sleep', '30'], env: {}, dir: tmp.path, out: join(tmp.path, 'sleep3') });
    await new Promise((r) => setTimeout(r, 200));
    await t.asRun.stop(500);
    const ended = await third;
    pid = ended.pid ?? 0;
    expect(ended.exitCode).not.toBe(0);
    expect(pid).toBeGreaterThan(0);
    expect(await gone(pid)).toBe(true);
  });
});

// Detection count of `goleak-run --stress` on the GoKer blocking-bug kernels that Go's source
// tree carries as runtime test data ($GOROOT/src/runtime/testdata/testgoroutineleakprofile/goker).
// Each kernel is laid out as a test package of one module in a temp dir (never committed):
// the kernel file as it is (package main renamed, its harness's profile write made nil-safe,
// as that profile only exists under GOEXPERIMENT=goroutineleakprofile on Go 1.26), a shim for
// the registry its init calls, and a test that runs the kernel. Then one goleak-run --stress
// run covers them all, and the JSON report says which kernels it found.
//
//   node test/bench/goker-stress.mjs [--budget 30s] [--runs 1] [--only Name,Name] [--perturb on|off] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const budget = opt('budget', '30s');
const runs = Number(opt('runs', '1'));
const only = opt('only', '')?.split(',').filter(Boolean) ?? [];
const perturb = opt('perturb', 'on');
const keep = args.includes('--keep');
const cli = new URL('../../dist/cli.js', import.meta.url).pathname;

const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
const gokerDir = join(goroot, 'src/runtime/testdata/testgoroutineleakprofile/goker');
const files = readdirSync(gokerDir)
  .filter((f) => f.endsWith('.go') && f !== 'main.go')
  .sort();

/** Lays the kernels out as packages of module `goker`; returns the module dir and the kernel names. */
function layOut() {
  const dir = mkdtempSync(join(tmpdir(), 'goker-'));
  writeFileSync(join(dir, 'go.mod'), 'module goker\n\ngo 1.24\n');
  const kernels = [];
  for (const file of files) {
    const src = readFileSync(join(gokerDir, file), 'utf8');
    const name = /register(?:Init)?\("([^"]+)"/.exec(src)?.[1];
    if (!name || (only.length > 0 && !only.includes(name))) continue;
    const pkg = file.replace(/\.go$/, '').toLowerCase();
    const pkgDir = join(dir, pkg);
    mkdirSync(pkgDir);
    const kernel = src
      .replace(/^package main$/m, `package ${pkg}`)
      .replaceAll('prof.WriteTo(os.Stdout, 2)', 'if prof != nil { prof.WriteTo(os.Stdout, 2) }');
    writeFileSync(join(pkgDir, file), kernel);
    writeFileSync(
      join(pkgDir, 'shim.go'),
      `package ${pkg}\n\n// As goker/main.go: the kernels register themselves in init.\nconst yieldCount = 10\n\nvar kernels = map[string]func(){}\n\nfunc register(name string, f func()) { kernels[name] = f }\n\nfunc registerInit(name string, f func()) { kernels[name] = f }\n`,
    );
    writeFileSync(
      join(pkgDir, 'kernel_test.go'),
      `package ${pkg}\n\nimport "testing"\n\nfunc TestKernel(t *testing.T) {\n\tfor _, f := range kernels {\n\t\tf()\n\t}\n}\n`,
    );
    kernels.push({ name, pkg: `goker/${pkg}` });
  }
  return { dir, kernels };
}

const { dir, kernels } = layOut();
console.log(`${kernels.length} kernels from ${gokerDir}`);
console.log(`module laid out in ${dir}; budget ${budget} per package, perturbation ${perturb}, ${runs} run(s)`);
const perRun = [];
try {
  for (let run = 1; run <= runs; run++) {
    const report = join(dir, `report-${run}.json`);
    const started = Date.now();
    const argv = [
      cli,
      '-C',
      dir,
      '--no-config',
      '--no-baseline',
      '--stress',
      budget,
      `--stress-perturb=${perturb}`,
      '--json',
      report,
      './...',
    ];
    const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (Date.now() - started) / 1000;
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const byPath = new Map(json.packages.map((p) => [p.importPath, p]));
    const rows = kernels.map(({ name, pkg }) => {
      const p = byPath.get(pkg);
      const found = (p?.leaks.length ?? 0) > 0;
      const how = !p ? 'missing' : !found ? p.status : p.stress ? `stress, ${p.stress.runs} runs` : 'first run';
      return { name, found, how, timeout: p?.leaks.some((l) => l.source === 'timeout') ?? false };
    });
    const found = rows.filter((r) => r.found).length;
    perRun.push(found);
    console.log(
      `\nrun ${run}: ${found} of ${kernels.length} found in ${seconds.toFixed(0)}s (goleak-run exit ${result.status})`,
    );
    for (const r of rows)
      console.log(`  ${r.found ? 'found ' : 'MISSED'} ${r.name.padEnd(18)} ${r.how}${r.timeout ? ' (hung test)' : ''}`);
    if (result.stderr.trim()) console.log(result.stderr.trim().split('\n').slice(-3).join('\n'));
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`\nfound per run: ${perRun.join(', ')} of ${kernels.length}; fewest ${Math.min(...perRun)}`);

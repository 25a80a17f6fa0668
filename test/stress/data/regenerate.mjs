// Regenerates chunk.json: one chunk of the stress loop, recorded from Go. The module in rounds/
// is built as the loop builds it (the check, the round hooks) and run with -count=3; the round
// log and the check's final record are kept. Run after `npm run build`:
//   node test/stress/data/regenerate.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_IGNORES } from '../../../dist/classify/index.js';
import { loadTemplates, planOverlay, writeOverlay } from '../../../dist/overlay/index.js';
import { ensureHelper, loadStressTemplates } from '../../../dist/stress/helper-binary.js';
import { rewriteFiles } from '../../../dist/stress/run-helper.js';
import { rewriteRequest, stressPlan, STRESS_LOG_ENV } from '../../../dist/stress/stress-overlay.js';
import { RESULTS_ENV, resultId } from '../../../dist/check-protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
const moduleDir = join(here, 'rounds');
const env = { ...process.env, GOWORK: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local' };
const go = (args) => execFileSync('go', args, { cwd: moduleDir, env, encoding: 'utf8' }).trim();
const tmp = mkdtempSync(join(tmpdir(), 'goleak-run-rounds-'));
try {
  const pkg = {
    importPath: 'example.com/rounds',
    dir: moduleDir,
    name: 'rounds',
    goFiles: [],
    testGoFiles: ['rounds_test.go'],
    xTestGoFiles: [],
    noTestFiles: false,
  };
  const read = (path) => readFileSync(path, 'utf8');
  const base = planOverlay(pkg, read, {
    maxWaitMs: 100,
    key: 'recorded',
    rules: [...BUILTIN_IGNORES],
    templates: await loadTemplates(),
  });
  const helper = await ensureHelper({
    goRoot: go(['env', 'GOROOT']),
    goVersion: go(['env', 'GOVERSION']),
    env,
    cacheDir: join(tmp, 'cache'),
    tmpDir: tmp,
    platform: process.platform,
    arch: process.arch,
    pid: process.pid,
  });
  const response = await rewriteFiles(helper, rewriteRequest(pkg, base, read, { perturb: false, hooks: true }));
  const plan = stressPlan(pkg, base, response, {
    templates: await loadStressTemplates(),
    seed: 0,
    fileExists: () => false,
  });
  const written = await writeOverlay([plan], join(tmp, 'overlay'));
  const binary = join(tmp, 'rounds.test');
  go(['test', '-c', '-o', binary, `-overlay=${written.overlayFile}`, '.']);
  const log = join(tmp, 'rounds.log');
  const run = spawnSync(binary, ['-test.count=3', '-test.v=test2json'], {
    cwd: moduleDir,
    env: { ...env, GODEBUG: 'tracebackancestors=10', [RESULTS_ENV]: tmp, [STRESS_LOG_ENV]: log },
    encoding: 'utf8',
  });
  const pid = Number(readFileSync(log, 'utf8').split(' ')[0]);
  const final = JSON.parse(readFileSync(join(tmp, `${resultId(pkg.importPath)}.final.json`), 'utf8'));
  writeFileSync(
    join(here, 'chunk.json'),
    `${JSON.stringify({ go: go(['env', 'GOVERSION']), exit: run.status, pid, log: readFileSync(log, 'utf8'), final }, null, 1)}\n`,
  );
  console.log(`chunk.json: exit ${run.status}, ${final.groups.length} groups`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

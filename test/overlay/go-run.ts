// Test helpers that drive the real go command over a fixture module with our overlay.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RESULTS_ENV } from '../../src/check-protocol.js';
import { TEST_KEY } from './markers.js';
import { execa } from 'execa';
import type { IgnoreRule, ResolvedPackage } from '../../src/model.js';
import { loadTemplates, planOverlay, writeOverlay } from '../../src/overlay/index.js';
import type { PackageOverlayPlan, WrittenOverlay } from '../../src/overlay/index.js';

/** Module of the overlay fixtures. */
export const testmainModule = new URL('../../fixtures/testmain/', import.meta.url).pathname;

// Keeps runs independent of a developer's workspace or flags.
const goEnv = { GOWORK: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local' };

/** Resolves packages with `go list`, as the resolve stage does. */
export async function listPackages(moduleDir: string, patterns: string[]): Promise<ResolvedPackage[]> {
  const fields = 'ImportPath,Dir,Name,GoFiles,TestGoFiles,XTestGoFiles';
  const { stdout } = await execa('go', ['list', `-json=${fields}`, ...patterns], { cwd: moduleDir, env: goEnv });
  // Objects are printed one after another, each closing with `}` alone on a line.
  return stdout
    .split(/^\}$/m)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const p = JSON.parse(`${chunk}}`) as Record<string, unknown>;
      const list = (k: string): string[] => (p[k] as string[] | undefined) ?? [];
      return {
        importPath: p.ImportPath as string,
        dir: p.Dir as string,
        name: p.Name as string,
        goFiles: list('GoFiles'),
        testGoFiles: list('TestGoFiles'),
        xTestGoFiles: list('XTestGoFiles'),
        noTestFiles: list('TestGoFiles').length + list('XTestGoFiles').length === 0,
      };
    });
}

/** Plans and writes the overlay for the packages into a fresh temp directory. */
export async function overlayFor(
  pkgs: ResolvedPackage[],
  opts: { maxWaitMs: number; rules?: IgnoreRule[] },
): Promise<{ plans: PackageOverlayPlan[]; written: WrittenOverlay; tmpDir: string; cleanup: () => Promise<void> }> {
  const templates = await loadTemplates();
  const plans = pkgs.map((pkg) =>
    planOverlay(pkg, (p) => readFileSync(p, 'utf8'), {
      maxWaitMs: opts.maxWaitMs,
      rules: opts.rules ?? [],
      templates,
      key: TEST_KEY,
      fileExists: existsSync,
    }),
  );
  const tmpDir = await mkdtemp(join(tmpdir(), 'goleak-run-overlay-test-'));
  const written = await writeOverlay(plans, tmpDir);
  await mkdir(join(tmpDir, 'results'));
  return { plans, written, tmpDir, cleanup: () => rm(tmpDir, { recursive: true, force: true }) };
}

/** Output of one `go test -json -overlay` run. */
export interface GoTestRun {
  exitCode: number;
  events: { Action: string; Package?: string; ImportPath?: string; Test?: string; Output?: string }[];
  stderr: string;
}

/** Runs `go test -json -overlay` the way the driver does. */
export async function goTestWithOverlay(moduleDir: string, overlayFile: string, args: string[]): Promise<GoTestRun> {
  const result = await execa('go', ['test', '-json', '-overlay', overlayFile, ...args], {
    cwd: moduleDir,
    // The results directory sits beside the overlay file (see overlayFor).
    env: { ...goEnv, [RESULTS_ENV]: join(dirname(overlayFile), 'results'), GODEBUG: 'tracebackancestors=10' },
    reject: false,
  });
  const events = result.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as GoTestRun['events'][number]);
  return { exitCode: result.exitCode ?? -1, events, stderr: result.stderr };
}

/** Package-level output of one package, joined (test-level lines excluded). */
export function packageOutput(run: GoTestRun, importPath: string): string {
  return run.events
    .filter((e) => e.Action === 'output' && e.Package === importPath && !e.Test)
    .map((e) => e.Output ?? '')
    .join('');
}

/** Final action (pass / fail / skip) of a package. */
export function packageAction(run: GoTestRun, importPath: string): string | undefined {
  return run.events.find((e) => e.Package === importPath && !e.Test && ['pass', 'fail', 'skip'].includes(e.Action))
    ?.Action;
}

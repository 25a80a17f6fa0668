// The oldest supported Go (1.24) and the newest Go 1.27 release, through GOTOOLCHAIN (the
// toolchains come through the module proxy; .ci/run downloads them first): the same verdicts as
// the machine's Go on the demo and the real-suite shapes, vet still run on the user's code, and
// under Go 1.27 the GC's proof: a channel leak reported at once, a sleeping one after the wait.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, readJson, runCli, tempDir } from './run-cli.js';

/** Oldest supported release and newest 1.27: keep in step with MIN_GO and .ci/run. */
const GO_VERSIONS = ['go1.24.13', 'go1.27.4'] as const;
const out = tempDir();
const localGo = execFileSync('go', ['env', 'GOVERSION'], {
  encoding: 'utf8',
  env: { ...process.env, GOTOOLCHAIN: 'local' },
}).trim();
afterAll(() => out.remove());

// Each toolchain and fixture runs once; the local runs are the reference of every other toolchain.
const runs = new Map<string, Promise<{ exitCode?: number; report: any }>>();
function verdicts(toolchain: string, name: string): Promise<{ exitCode?: number; report: any }> {
  const key = `${toolchain} ${name}`;
  if (!runs.has(key)) runs.set(key, runOnce(toolchain, name));
  return runs.get(key)!;
}

async function runOnce(toolchain: string, name: string): Promise<{ exitCode?: number; report: any }> {
  const json = join(out.path, `${name}-${toolchain}.json`);
  const env = { GOTOOLCHAIN: toolchain, GOFLAGS: '' };
  const run = await runCli(
    fixture(name),
    ['--no-config', '--no-baseline', '--max-wait', '1s', '--json', json, '--', '-count=1'],
    env,
  );
  return { exitCode: run.exitCode, report: readJson(json) };
}
const statuses = (report: any): [string, string, number][] =>
  report.packages.map((p: any) => [p.importPath, p.status, p.leaks.reduce((n: number, l: any) => n + l.count, 0)]);

describe.each(['local', ...GO_VERSIONS])('Go toolchain %s', (toolchain) => {
  it.each(['demo', 'robust'])('%s: the same verdicts as the machine’s Go, exit 1, and no vet failure', async (name) => {
    const { exitCode, report } = await verdicts(toolchain, name);
    const local = toolchain === 'local' ? report : (await verdicts('local', name)).report;
    expect(exitCode).toBe(1);
    expect(statuses(report)).toEqual(statuses(local));
    expect(report.go).toBe(toolchain === 'local' ? localGo : toolchain);
    for (const p of report.packages) expect(p.failures.join('\n')).not.toMatch(/vet: open|no such file/);
  });
});

describe('proof from the GC under Go 1.27', () => {
  it('a channel leak is proven and reported at once; a sleeping one is not proven and waits', async () => {
    const { report } = await verdicts('go1.27.4', 'proof');
    const pkg = (n: string) => report.packages.find((p: any) => p.importPath === `example.com/proof/${n}`);
    expect(pkg('chanleak')).toMatchObject({ status: 'leaked', gcProof: true });
    expect(pkg('chanleak').leaks.map((l: any) => l.provenByGc)).toEqual([true]);
    expect(pkg('chanleak').waitedMs).toBeLessThan(300);
    expect(pkg('sleepleak')).toMatchObject({ status: 'leaked', gcProof: true });
    expect(pkg('sleepleak').leaks.map((l: any) => l.provenByGc)).toEqual([false]);
    expect(pkg('sleepleak').waitedMs).toBeGreaterThanOrEqual(1000);
  });

  it('without the profile (the machine’s Go 1.26) nothing is proven and both wait', async () => {
    const { report } = await verdicts('local', 'proof');
    for (const p of report.packages) {
      expect(p).toMatchObject({ status: 'leaked', gcProof: false });
      expect(p.leaks.every((l: any) => l.provenByGc === false)).toBe(true);
      expect(p.waitedMs).toBeGreaterThanOrEqual(1000);
    }
  });
});

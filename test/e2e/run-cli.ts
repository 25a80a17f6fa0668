// Test support: runs the built CLI (dist/cli.js, built by `npm test`) on a fixture module, as a user would.
import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');
export const fixture = (name: string): string => join(repoRoot, 'fixtures', name);

/** Runs goleak-run with args in cwd; CI-like environment, no colours, never throws on exit codes. */
export async function runCli(cwd: string, args: string[], env: Record<string, string | undefined> = {}) {
  const result = await execa(process.execPath, [cliPath, ...args], {
    cwd,
    reject: false,
    env: { CI: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env },
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A private temp dir for one test's outputs; removed by the returned function. */
export function tempDir(prefix = 'goleak-run-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Reads a JSON report written by --json. */
export function readJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** `git status --porcelain` of a path in this repository: empty when a run left it untouched. */
export function gitStatus(path: string): string {
  return execFileSync('git', ['status', '--porcelain', '--ignored', '--', path], { cwd: repoRoot, encoding: 'utf8' });
}

/** Replaces what differs between machines and runs (times, paths, Go version, GOROOT line numbers). */
export function normalise(text: string, moduleDir: string): string {
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  return (
    text
      .split(moduleDir)
      .join('<MODULE>')
      .split(repoRoot)
      .join('<REPO>')
      .split(goroot)
      .join('<GOROOT>')
      .split(goVersion)
      .join('<GO>')
      .replace(/(<GOROOT>\/[^\s:"'<]+\.go)(:|", "line": |" line=")\d+/g, '$1$2<N>')
      .replace(/(<GOROOT>[^\n]*\n\s*"line": )\d+/g, '$1<N>')
      .replace(/\d+\.\d+s\b/g, '<T>s')
      .replace(/"(elapsedSeconds|durationSeconds)": [\d.]+/g, '"$1": <T>')
      .replace(/"waitedMs": \d+/g, '"waitedMs": <MS>')
      .replace(/(elapsedSeconds|durationSeconds): [\d.]+/g, '$1: <T>')
      .replace(/time="[\d.]+"/g, 'time="<T>"')
      .replace(/timestamp="[^"]+"/g, 'timestamp="<TS>"')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TS>')
      .replace(/hostname="[^"]*"/g, 'hostname="<HOST>"')
      // Panic traces in test output carry addresses and goroutine ids that change every run.
      .replace(/0x[0-9a-f]+\??/g, '0x?')
      .replace(/goroutine \d+/g, 'goroutine N')
  );
}

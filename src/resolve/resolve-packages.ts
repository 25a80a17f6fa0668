// I/O shell of the resolve stage: asks `go env` and `go list` what the user's patterns mean.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { execFile } from 'node:child_process';
import type { ModuleInfo, ResolvedPackage } from '../model.js';
import { ResolveError, ToolchainError } from '../errors.js';
import { checkGoEnv, moduleInfo, setupFailures, splitJsonObjects, toResolvedPackages } from './go-list-parse.js';
import { expandWorkspacePatterns, workspaceModules, workspacePath } from './workspace.js';

/** What the rest of the run needs to know about the toolchain, the module and the packages. */
export interface Resolution {
  module: ModuleInfo;
  goRoot: string;
  packages: ResolvedPackage[];
  /** Packages go test fails before building them (no Go files): they are reported, never run. */
  setupFailures: Array<{ importPath: string; error: string }>;
}

const LIST_FIELDS = 'ImportPath,Dir,Name,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error';

/** What resolving needs: the go command, where and with which environment, the patterns and build flags. */
export interface ResolveOptions {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  patterns: string[];
  buildFlags: string[];
}

/** Resolves patterns to packages with `go list`, failing with one clear line on bad input. */
export async function resolvePackages(opts: ResolveOptions): Promise<Resolution> {
  // go list starts at once, beside go env: start-up latency is paid by every run, even a cached one.
  const listing = runGo(opts, listArgs(opts, opts.patterns));
  const envOut = await runGo(opts, ['env', '-json', 'GOVERSION', 'GOMOD', 'GOROOT', 'GOWORK']);
  if (envOut.spawnError === 'ENOENT') {
    throw new ToolchainError(
      `expected the go command on PATH, found none; install Go from https://go.dev/dl/ or put its bin directory on PATH`,
    );
  }
  if (envOut.exitCode !== 0) {
    throw new ToolchainError(
      `expected \`go env\` to succeed, found: ${firstLine(envOut.stderr || envOut.spawnError || '')}`,
    );
  }
  const { goVersion, goMod, goRoot, goWork } = checkGoEnv(envOut.stdout, opts.cwd);
  if (goWork !== undefined) return resolveWorkspace(opts, { goVersion, goRoot, goWork }, listing);
  const modulePath = await readModulePath(goMod);
  const list = await listing;
  return listed(opts, list, moduleInfo(goMod, modulePath, goVersion), goRoot);
}

// At a go.work root without a go.mod: the workspace's modules, and the patterns listed again
// once relative ones are read as the modules under their directory (see workspace.ts).
async function resolveWorkspace(
  opts: ResolveOptions,
  env: { goVersion: string; goRoot: string; goWork: string },
  first: Promise<GoOutput>,
): Promise<Resolution> {
  const mods = await runGo(opts, ['list', '-m', '-json']);
  const modules = workspaceModules(mods.exitCode === 0 ? splitJsonObjects(mods.stdout) : []);
  const patterns = expandWorkspacePatterns(opts.patterns, opts.cwd, modules);
  const same = patterns.length === opts.patterns.length && patterns.every((p, i) => p === opts.patterns[i]);
  // The first listing ran beside go env with the patterns as given; it stands when none changed.
  let list = await first;
  if (!same) list = await runGo(opts, listArgs(opts, patterns));
  const dir = dirname(env.goWork);
  const module = { path: workspacePath(modules, dir), dir, goVersion: env.goVersion };
  return listed({ ...opts, patterns }, list, module, env.goRoot);
}

function listed(opts: ResolveOptions, list: GoOutput, module: ModuleInfo, goRoot: string): Resolution {
  if (list.exitCode !== 0 && list.stdout.trim() === '') {
    throw new ResolveError(`expected go list to resolve ${opts.patterns.join(' ')}, found: ${firstLine(list.stderr)}`);
  }
  const entries = splitJsonObjects(list.stdout);
  const packages = toResolvedPackages(entries, list.stderr);
  return { module, goRoot, packages, setupFailures: setupFailures(entries) };
}

function listArgs(opts: ResolveOptions, patterns: string[]): string[] {
  return ['list', '-e', `-json=${LIST_FIELDS}`, ...opts.buildFlags, ...patterns];
}

interface GoOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  spawnError?: string;
}

// The two short go queries use child_process directly: they run while the CLI is still
// loading (execa, for the long go test run, loads beside them), and they need no process
// management beyond their output.
function runGo(opts: { go: string; cwd: string; env: NodeJS.ProcessEnv }, args: string[]): Promise<GoOutput> {
  return new Promise((resolve) => {
    execFile(
      opts.go,
      args,
      { cwd: opts.cwd, env: opts.env, maxBuffer: 1 << 30, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
        const out: GoOutput = { exitCode: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr };
        if (err && typeof err.code === 'string') out.spawnError = err.code;
        resolve(out);
      },
    );
  });
}

async function readModulePath(goMod: string): Promise<string> {
  const text = await readFile(goMod, 'utf8');
  const m = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text);
  if (!m?.[2]) throw new ResolveError(`${goMod}:1: expected a module directive, found none`);
  return m[2];
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? 'no output'
  );
}

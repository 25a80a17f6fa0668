// I/O shell of the resolve stage: asks `go env` and `go list` what the user's patterns mean.
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import type { ModuleInfo, ResolvedPackage } from '../model.js';
import { ResolveError, ToolchainError } from '../errors.js';
import { checkGoEnv, moduleInfo, splitJsonObjects, toResolvedPackages } from './go-list-parse.js';

/** What the rest of the run needs to know about the toolchain, the module and the packages. */
export interface Resolution {
  module: ModuleInfo;
  goRoot: string;
  packages: ResolvedPackage[];
}

const LIST_FIELDS = 'ImportPath,Dir,Name,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error';

/** Resolves patterns to packages with `go list`, failing with one clear line on bad input. */
export async function resolvePackages(opts: {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  patterns: string[];
  buildFlags: string[];
}): Promise<Resolution> {
  // go list starts at once, beside go env: start-up latency is paid by every run, even a cached one.
  const listing = execa(opts.go, ['list', '-e', `-json=${LIST_FIELDS}`, ...opts.buildFlags, ...opts.patterns], {
    cwd: opts.cwd,
    env: opts.env,
    reject: false,
  });
  const envOut = await execa(opts.go, ['env', '-json', 'GOVERSION', 'GOMOD', 'GOROOT'], {
    cwd: opts.cwd,
    env: opts.env,
    reject: false,
  }).catch((error: unknown) => {
    throw new ToolchainError(`cannot start go: ${(error as Error).message}`, { cause: error });
  });
  if (envOut.failed) {
    if ((envOut as { code?: string }).code === 'ENOENT') {
      throw new ToolchainError(
        `expected the go command on PATH, found none; install Go from https://go.dev/dl/ or put its bin directory on PATH`,
      );
    }
    throw new ToolchainError(`expected \`go env\` to succeed, found: ${firstLine(String(envOut.stderr || envOut.message || ""))}`);
  }
  const { goVersion, goMod, goRoot } = checkGoEnv(envOut.stdout, opts.cwd);
  const modulePath = await readModulePath(goMod);
  const list = await listing;
  if (list.exitCode !== 0 && list.stdout.trim() === '') {
    throw new ResolveError(`expected go list to resolve ${opts.patterns.join(' ')}, found: ${firstLine(list.stderr)}`);
  }
  const packages = toResolvedPackages(splitJsonObjects(list.stdout), list.stderr);
  return { module: moduleInfo(goMod, modulePath, goVersion), goRoot, packages };
}

async function readModulePath(goMod: string): Promise<string> {
  const text = await readFile(goMod, 'utf8');
  const m = /^\s*module\s+("?)([^\s"]+)\1/m.exec(text);
  if (!m?.[2]) throw new ResolveError(`${goMod}:1: expected a module directive, found none`);
  return m[2];
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'no output';
}

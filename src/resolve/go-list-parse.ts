// Pure parsing of `go env -json` and `go list -e -json` output into resolved packages.
import type { ModuleInfo, ResolvedPackage } from '../model.js';
import { ResolveError, ToolchainError } from '../errors.js';

/**
 * Oldest Go we support. 1.24 is the first release whose go test -json reports build output as
 * events and whose vet reads files added by -overlay (1.21 to 1.23 fail every package with
 * `vet: open …: no such file or directory`); the check also needs debug.SetCrashOutput (1.23).
 */
const MIN_GO = { major: 1, minor: 24 } as const;

interface GoListEntry {
  ImportPath?: string;
  Dir?: string;
  Name?: string;
  GoFiles?: string[];
  CgoFiles?: string[];
  TestGoFiles?: string[];
  XTestGoFiles?: string[];
  Error?: { Err?: string };
}

/** Splits the concatenated JSON objects that `go list -json` prints (not an array) and parses each. */
export function splitJsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  // go list indents with tabs, so a top-level object always closes with "}" at the start of a line.
  for (const chunk of text.split(/\n}\n?/)) {
    const trimmed = chunk.trim();
    if (trimmed) out.push(JSON.parse(`${trimmed}\n}`));
  }
  return out;
}

/** Parses `go1.26.8` (or `go1.27rc1`, `devel go1.28-abc`) into major/minor; undefined when unrecognised. */
export function parseGoVersion(text: string): { major: number; minor: number } | undefined {
  const m = /go(\d+)\.(\d+)/.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/**
 * Checks `go env -json GOVERSION GOMOD GOROOT GOWORK` output and returns the module and toolchain
 * facts; `goWork` is set (and `goMod` empty) at a go.work workspace root that has no go.mod.
 */
export function checkGoEnv(
  envJson: string,
  cwd: string,
): { goVersion: string; goMod: string; goRoot: string; goWork?: string } {
  const env = JSON.parse(envJson) as { GOVERSION?: string; GOMOD?: string; GOROOT?: string; GOWORK?: string };
  const goVersion = env.GOVERSION ?? '';
  const v = parseGoVersion(goVersion);
  if (v && (v.major < MIN_GO.major || (v.major === MIN_GO.major && v.minor < MIN_GO.minor))) {
    throw new ToolchainError(
      `expected Go ${MIN_GO.major}.${MIN_GO.minor} or newer, found ${goVersion}; install a newer Go from https://go.dev/dl/`,
    );
  }
  const goMod = env.GOMOD ?? '';
  const noModule = goMod === '' || goMod === '/dev/null' || goMod === 'NUL';
  const goWork = env.GOWORK ?? '';
  if (noModule && goWork !== '' && goWork !== 'off') return { goVersion, goMod: '', goRoot: env.GOROOT ?? '', goWork };
  if (noModule) {
    throw new ResolveError(
      `expected a directory inside a Go module or workspace (a go.mod or go.work above it), found none at ${cwd}`,
    );
  }
  return { goVersion, goMod, goRoot: env.GOROOT ?? '' };
}

/** Turns `go list` entries into packages; pattern errors become a ResolveError naming the pattern. */
export function toResolvedPackages(entries: unknown[], stderr: string): ResolvedPackage[] {
  const noMatch = /matched no packages/.exec(stderr) ? /"([^"]+)" matched no packages/.exec(stderr) : null;
  if (noMatch) throw new ResolveError(`expected pattern ${noMatch[1]} to match packages, found none`);
  const packages: ResolvedPackage[] = [];
  for (const raw of entries as GoListEntry[]) {
    const importPath = raw.ImportPath ?? '';
    if (!raw.Dir) {
      // No directory at all: the pattern itself is wrong (missing dir, outside the module).
      const detail = raw.Error?.Err ?? 'no package directory';
      throw new ResolveError(
        `expected package pattern ${importPath} to name packages in this module, found: ${detail}`,
      );
    }
    const testGoFiles = raw.TestGoFiles ?? [];
    const xTestGoFiles = raw.XTestGoFiles ?? [];
    packages.push({
      importPath,
      dir: raw.Dir,
      name: raw.Name ?? '',
      goFiles: [...(raw.GoFiles ?? []), ...(raw.CgoFiles ?? [])],
      testGoFiles,
      xTestGoFiles,
      noTestFiles: testGoFiles.length === 0 && xTestGoFiles.length === 0,
    });
  }
  if (packages.length === 0) throw new ResolveError('expected the patterns to match packages, found none');
  return packages;
}

/**
 * Packages that go test fails as `[setup failed]` although go list -e resolves them: a directory
 * named by a pattern that holds no Go files, or only files excluded by build constraints.
 */
export function setupFailures(entries: unknown[]): Array<{ importPath: string; error: string }> {
  return (entries as GoListEntry[])
    .filter(
      (raw) =>
        raw.Dir &&
        raw.Error?.Err &&
        [raw.GoFiles, raw.CgoFiles, raw.TestGoFiles, raw.XTestGoFiles].every((f) => !f?.length),
    )
    .map((raw) => ({ importPath: raw.ImportPath ?? '', error: raw.Error?.Err ?? '' }));
}

/** Builds the module facts from go.mod's path and the package list. */
export function moduleInfo(goMod: string, modulePath: string, goVersion: string): ModuleInfo {
  return { path: modulePath, dir: goMod.replace(/[\\/]go\.mod$/, ''), goVersion };
}

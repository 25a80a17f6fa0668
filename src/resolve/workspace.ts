// Pure handling of a go.work workspace root that has no go.mod of its own. There, Go refuses
// `./...` ("directory prefix . does not contain modules listed in go.work"): a pattern never crosses
// into another module. goleak-run reads a relative pattern whose directory lies outside every
// workspace module as meaning the workspace modules under that directory, as the user listing them
// (`./api/... ./worker/...`) would.
import { posix, relative, sep } from 'node:path';

/** A main module of the workspace, as `go list -m -json` prints it. */
export interface WorkspaceModule {
  path: string;
  dir: string;
}

/** Splits `go list -m -json` output into the workspace's modules. */
export function workspaceModules(entries: unknown[]): WorkspaceModule[] {
  return (entries as Array<{ Path?: unknown; Dir?: unknown }>)
    .filter((e) => typeof e.Path === 'string' && typeof e.Dir === 'string')
    .map((e) => ({ path: e.Path as string, dir: e.Dir as string }));
}

const inside = (dir: string, parent: string): boolean => {
  const rel = relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/**
 * The patterns with each relative `DIR/...` (or `DIR`) whose directory holds no workspace module
 * of its own replaced by `./M/...` for every module M under DIR; other patterns stay as they are.
 */
export function expandWorkspacePatterns(patterns: string[], cwd: string, modules: WorkspaceModule[]): string[] {
  return patterns.flatMap((pattern) => {
    const relativePattern =
      pattern === '.' || pattern === '..' || pattern.startsWith('./') || pattern.startsWith('../');
    if (!relativePattern) return [pattern];
    const recursive = pattern.endsWith('/...');
    const dir = posix.join(cwd.split(sep).join('/'), recursive ? pattern.slice(0, -4) : pattern);
    if (modules.some((m) => inside(dir, m.dir))) return [pattern];
    const under = modules.filter((m) => inside(m.dir, dir));
    if (under.length === 0) return [pattern];
    return under.map((m) => {
      const rel = relative(cwd, m.dir).split(sep).join('/');
      const base = rel === '' ? '.' : rel.startsWith('..') ? rel : `./${rel}`;
      return recursive ? `${base}/...` : base;
    });
  });
}

/** The import-path prefix the workspace's modules share (`example.com/ws`), or the directory's name. */
export function workspacePath(modules: WorkspaceModule[], workDir: string): string {
  const split = modules.map((m) => m.path.split('/'));
  const common: string[] = [];
  for (let i = 0; split.length > 0 && split.every((s) => s.length > i && s[i] === split[0]![i]); i++)
    common.push(split[0]![i]!);
  if (modules.length === 1) return modules[0]!.path;
  return common.length > 0 ? common.join('/') : (workDir.split(/[\\/]/).filter(Boolean).at(-1) ?? workDir);
}

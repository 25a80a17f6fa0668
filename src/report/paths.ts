// Mapping of report file paths (module-relative, or absolute outside the module) to the
// paths a reader needs: relative to the repository root, which may sit above the module.
import path from 'node:path';

/** Where the module and the repository are; `repoRoot` defaults to the module directory. */
export interface PathContext {
  moduleDir: string;
  repoRoot?: string;
}

/** The file relative to the repository root, or undefined when it lies outside it. */
export function repoRelative(file: string, ctx: PathContext): string | undefined {
  const absolute = path.posix.isAbsolute(file) ? file : path.posix.join(ctx.moduleDir, file);
  const base = ctx.repoRoot ?? ctx.moduleDir;
  if (!path.posix.isAbsolute(base)) return path.posix.isAbsolute(file) ? undefined : file;
  const relative = path.posix.relative(base, absolute);
  if (relative === '' || relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) {
    return undefined;
  }
  return relative;
}

/** The file as a reader should see it: repository-relative when inside, else unchanged. */
export function displayPath(file: string, ctx: PathContext): string {
  return repoRelative(file, ctx) ?? file;
}

// Source paths as reports show them: relative to the module root when inside it.
import type { Frame } from '../model.js';

function slashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** `file` relative to `moduleDir` with `/` separators when inside the module, else unchanged. */
export function relativeToModule(file: string, moduleDir: string): string {
  const dir = slashes(moduleDir);
  const f = slashes(file);
  return dir !== '' && f.startsWith(`${dir}/`) ? f.slice(dir.length + 1) : file;
}

/** Frames with module files made relative. */
export function relativeFrames(frames: Frame[], moduleDir: string): Frame[] {
  return frames.map((f) => ({ ...f, file: relativeToModule(f.file, moduleDir) }));
}

/** Package directory as reports show it: relative to the module root, `.` for the root itself. */
export function moduleRelativeDir(packageDir: string, moduleDir: string): string {
  return slashes(packageDir) === slashes(moduleDir) ? '.' : relativeToModule(packageDir, moduleDir);
}

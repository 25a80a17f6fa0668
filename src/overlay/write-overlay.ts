// Writes the planned files and the overlay JSON for `go test -overlay`.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PackageOverlayPlan, WrittenOverlay } from './types.js';

/**
 * Writes each file to `<tmpDir>/<n>/<basename>` (keeping the basename keeps Go's
 * file-name build constraints and messages meaningful) and `<tmpDir>/overlay.json`.
 * `userReplace` is the Replace map of the user's own -overlay: kept, except where we
 * replace the same file (our copy was planned from the user's overlaid text).
 */
export async function writeOverlay(
  plans: PackageOverlayPlan[],
  tmpDir: string,
  userReplace: Record<string, string> = {},
): Promise<WrittenOverlay> {
  const files = plans
    .flatMap((p) => p.files)
    .map((file, n) => ({
      ...file,
      temp: join(tmpDir, String(n), basename(file.originalPath)),
    }));
  await Promise.all(
    files.map(async (file) => {
      await mkdir(dirname(file.temp), { recursive: true });
      await writeFile(file.temp, file.content);
    }),
  );
  const replace = { ...userReplace, ...Object.fromEntries(files.map((f) => [f.originalPath, f.temp])) };
  const tempToOriginal = Object.fromEntries(files.map((f) => [f.temp, f.originalPath]));
  const overlayFile = join(tmpDir, 'overlay.json');
  await writeFile(overlayFile, `${JSON.stringify({ Replace: replace }, null, 2)}\n`);
  return { overlayFile, tempToOriginal };
}

// Files shipped beside the code (templates/, package.json), found at run time from the module
// that needs them. The package root is one directory above tsc's dist/cli.js, two above its
// other modules (dist/overlay/*.js) and the sources vitest runs (src/overlay/*.ts), and two or
// three above the bundle that ships (dist/bin/goleak-run.js, dist/bin/chunks/*.js).
import { existsSync } from 'node:fs';

const UP = ['../', '../../', '../../../'];

/** The URL of `name` (a file, or a directory with a trailing `/`) at the package root, seen from `moduleUrl`. */
export function packageFile(moduleUrl: string, name: string, probe = name): URL {
  for (const up of UP) {
    if (existsSync(new URL(`${up}${probe}`, moduleUrl))) return new URL(`${up}${name}`, moduleUrl);
  }
  // None found: a broken install, which the first read reports with this path.
  return new URL(`../../${name}`, moduleUrl);
}

/** The templates directory seen from the module at `moduleUrl` (its `import.meta.url`). */
export function templatesDirFrom(moduleUrl: string): URL {
  return packageFile(moduleUrl, 'templates/', 'templates/check.go.tmpl');
}

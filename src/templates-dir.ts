// Where templates/ is at run time. The package root is one directory above the bundle that
// ships (dist/cli.js, and dist/chunks/ two levels down), and two above tsc's modules
// (dist/overlay/*.js) and the sources vitest runs (src/overlay/*.ts).
import { existsSync } from 'node:fs';

/** The templates directory seen from the module at `moduleUrl` (its `import.meta.url`). */
export function templatesDirFrom(moduleUrl: string): URL {
  for (const up of ['../templates/', '../../templates/']) {
    const dir = new URL(up, moduleUrl);
    if (existsSync(new URL('check.go.tmpl', dir))) return dir;
  }
  // None found: a broken install, which the first template read reports with this path.
  return new URL('../../templates/', moduleUrl);
}

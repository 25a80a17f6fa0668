// Finds the repository root, which annotation and JUnit paths are relative to.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** GITHUB_WORKSPACE when set, else the nearest directory above the module holding `.git`, else the module. */
export function findRepoRoot(moduleDir: string, env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_WORKSPACE) return env.GITHUB_WORKSPACE;
  for (let dir = moduleDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return moduleDir;
  }
}

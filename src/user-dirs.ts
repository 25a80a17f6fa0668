// The user's cache and config directories, found as Go's os.UserCacheDir and os.UserConfigDir
// find them: goleak-run keeps its cache where Go keeps its own, and reads where `go env -w` writes.
import { homedir } from 'node:os';
import { join } from 'node:path';

// Per kind: the XDG variable, then the macOS folder, the Windows variable and its usual value.
const DIRS = {
  cache: {
    xdg: 'XDG_CACHE_HOME',
    darwin: ['Library', 'Caches'],
    win: 'LOCALAPPDATA',
    winDefault: ['AppData', 'Local'],
  },
  config: {
    xdg: 'XDG_CONFIG_HOME',
    darwin: ['Library', 'Application Support'],
    win: 'APPDATA',
    winDefault: ['AppData', 'Roaming'],
  },
} as const;

/** goleak-run's own cache directory: the check key, the overlay files, saved resolutions, the stress helper. */
export function goleakRunCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return join(userDir('cache', env, platform), 'goleak-run');
}

/** `$XDG_CACHE_HOME` or `$XDG_CONFIG_HOME` when set, else the platform's own place for that kind. */
export function userDir(kind: keyof typeof DIRS, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const d = DIRS[kind];
  const xdg = env[d.xdg];
  if (xdg) return xdg;
  if (platform === 'darwin') return join(homedir(), ...d.darwin);
  if (platform === 'win32') return env[d.win] ?? join(homedir(), ...d.winDefault);
  return join(homedir(), kind === 'cache' ? '.cache' : '.config');
}

// The machine's secret that signs the check's stdout records. It is kept in the user's
// cache directory so the overlay, and with it Go's build and test caches, stay the same
// from run to run; a cached test result was signed by the same key.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { goleakRunCacheDir } from '../user-dirs.js';

const KEY_RE = /^[0-9a-f]{64}$/;

/** Where the key lives: `$XDG_CACHE_HOME/goleak-run/check-key`, else the platform's cache directory. */
export function checkKeyPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  return join(goleakRunCacheDir(env, platform), 'check-key');
}

/** Reads the key, creating it on first use; an unwritable cache gives a key for this run only. */
export async function loadCheckKey(path: string): Promise<string> {
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (KEY_RE.test(text)) return text;
  } catch {
    // First run on this machine, or an unreadable file: make a new key below.
  }
  const key = randomBytes(32).toString('hex');
  try {
    await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, `${key}\n`, { mode: 0o600 });
  } catch {
    // Not cached: every run rebuilds its test binaries, but the check still works.
  }
  return key;
}

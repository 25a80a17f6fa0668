import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKeyPath } from '../src/run/check-key.js';
import { userDir } from '../src/user-dirs.js';

describe('userDir', () => {
  it("finds the cache and config directories where Go's os.UserCacheDir and os.UserConfigDir do", () => {
    expect(userDir('cache', {}, 'linux')).toBe(join(homedir(), '.cache'));
    expect(userDir('config', {}, 'linux')).toBe(join(homedir(), '.config'));
    expect(userDir('cache', { XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe('/x/cache');
    expect(userDir('config', { XDG_CONFIG_HOME: '/x/config' }, 'darwin')).toBe('/x/config');
    expect(userDir('cache', {}, 'darwin')).toBe(join(homedir(), 'Library', 'Caches'));
    expect(userDir('config', {}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support'));
    expect(userDir('cache', { LOCALAPPDATA: 'C:\\L' }, 'win32')).toBe('C:\\L');
    expect(userDir('config', { APPDATA: 'C:\\R' }, 'win32')).toBe('C:\\R');
    expect(userDir('config', {}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming'));
  });

  it('puts the check key in goleak-run under the cache directory', () => {
    expect(checkKeyPath({ XDG_CACHE_HOME: '/c' }, 'linux')).toBe(join('/c', 'goleak-run', 'check-key'));
  });
});

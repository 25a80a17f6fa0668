// I/O: a fingerprint of what `go list` reads to resolve relative patterns: the listing of every
// directory a `./...` walk visits, and the stats of the .go files in them, of the go.mod, go.work
// and go.sum files Go looks for above, of the `go env -w` file and of the toolchain. An unchanged
// fingerprint lets a run start go test from the resolution saved last time (warm-resolution.ts);
// go list still confirms it, so a change this misses costs a restart, never a wrong verdict.
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { userDir } from '../user-dirs.js';

/** Path → its directory listing (`ls:…`), its stat (`ino:size:mtimeNs:ctimeNs`), or `-` when absent. */
export type Fingerprint = Record<string, string>;

// Beyond this many entries, checking costs about as much as go list itself.
const MAX_ENTRIES = 200_000;

// Files beside .go files that change what go list says of the packages under them.
const MODULE_FILES = ['go.mod', 'go.work', 'go.sum', 'go.work.sum', join('vendor', 'modules.txt')];

// A path's stat as one string; any change of content, name or place changes it.
function statKey(path: string): string {
  try {
    const s = statSync(path, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : '-';
  } catch {
    // A path that cannot be stat-ed (permissions, a name too long) never matches a saved key.
    return '?';
  }
}

/** Takes the fingerprint of a run in `cwd`; undefined when the tree is too large to be worth it. */
export function takeFingerprint(opts: {
  cwd: string;
  goRoot: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}): Fingerprint | undefined {
  const fingerprint: Fingerprint = {};
  let entries = 0;
  const add = (path: string) => {
    fingerprint[path] = statKey(path);
    entries++;
  };
  for (let dir = opts.cwd; ; dir = dirname(dir)) {
    for (const file of MODULE_FILES) add(join(dir, file));
    if (dirname(dir) === dir) break;
  }
  add(goEnvFile(opts.env, opts.platform));
  add(join(opts.goRoot, 'VERSION'));
  add(join(opts.goRoot, 'bin', 'go'));
  const walk = (dir: string, root: boolean): boolean => {
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      add(dir);
      return true;
    }
    fingerprint[dir] = listingKey(names);
    entries++;
    // A nested module is not part of `./...`: its go.mod is watched (and is in the listing), its
    // packages are not.
    if (!root && names.some((e) => e.name === 'go.mod' && !e.isDirectory())) {
      add(join(dir, 'go.mod'));
      return true;
    }
    for (const entry of names) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walked(entry.name) && !walk(path, false)) return false;
      } else if (entry.name.endsWith('.go')) {
        add(path);
      }
      if (entries > MAX_ENTRIES) return false;
    }
    return true;
  };
  return walk(opts.cwd, true) ? fingerprint : undefined;
}

/** True when every path still has the stat (a directory: the listing) the fingerprint saved. */
export function fingerprintHolds(fingerprint: Fingerprint): boolean {
  for (const path in fingerprint) {
    const saved = fingerprint[path]!;
    if ((saved.startsWith(LISTING) ? currentListing(path) : statKey(path)) !== saved) return false;
  }
  return true;
}

// A directory is known by the names in it that go list can see: its subdirectories, .go files
// and go.mod. Its own times would do, but change with every file a test writes beside its code.
const LISTING = 'ls:';

function listingKey(names: Dirent[]): string {
  const seen = names
    .filter((e) => e.isDirectory() || e.name.endsWith('.go') || e.name === 'go.mod')
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  return `${LISTING}${seen.join('\0')}`;
}

function currentListing(dir: string): string {
  try {
    return listingKey(readdirSync(dir, { withFileTypes: true }));
  } catch {
    return '?';
  }
}

// The go command's walk of `./...` skips these (go help packages).
function walked(name: string): boolean {
  return !(name.startsWith('.') || name.startsWith('_') || name === 'testdata' || name === 'vendor');
}

// Where `go env -w` keeps its settings (GOFLAGS among them): `go env GOENV`, without asking go.
function goEnvFile(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return env.GOENV || join(userDir('config', env, platform), 'go', 'env');
}

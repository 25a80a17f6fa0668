// I/O: the resolution an earlier run got from go list, saved with the fingerprint of the tree it
// came from, so the next run with the same patterns, flags and environment can start go test
// without waiting for go list (about 40 ms on 50 packages, and seconds on large trees). Saved
// only for relative directory patterns, which a tree's stats can vouch for; the caller still
// has go list confirm what it started from (src/app/warm-start.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolution } from './resolve-packages.js';
import { type Fingerprint, fingerprintHolds, takeFingerprint } from './tree-fingerprint.js';

// Raised when the saved shape changes; so is the tool's version, which is in the key as well.
const FORMAT = 1;

// The variables that change what go list answers: Go's own, cgo's, and those that pick the
// go binary and its configuration. Others (a shell's PWD, a CI job's id) would only cause misses.
const ENV_KEYS = /^(GO|CGO_)|^(PATH|HOME|XDG_CONFIG_HOME|APPDATA|CC|CXX|AR|PKG_CONFIG)$/;

/** A saved resolution: read one that still holds, or save the one go list just gave. */
export interface WarmResolutionCache {
  /** The saved resolution, when there is one and the tree's fingerprint still matches it. */
  read: () => Resolution | undefined;
  /** Saves a resolution with the tree's fingerprint as it is now; a failure costs only speed. */
  save: (resolution: Resolution) => void;
}

/** The cache entry of this invocation, or undefined when a pattern is not a relative directory one. */
export function warmResolutionCache(opts: {
  cacheDir: string;
  cwd: string;
  patterns: string[];
  buildFlags: string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  version: string;
}): WarmResolutionCache | undefined {
  if (opts.patterns.length === 0 || !opts.patterns.every(isRelativeDirectoryPattern)) return undefined;
  const env = Object.entries(opts.env)
    .filter(([name]) => ENV_KEYS.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT, opts.version, opts.platform, opts.cwd, opts.patterns, opts.buildFlags, env]))
    .digest('hex')
    .slice(0, 24);
  const dir = join(opts.cacheDir, key);
  const file = join(dir, 'resolution.json');
  return {
    read: () => {
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as {
          format?: unknown;
          resolution?: unknown;
          fingerprint?: unknown;
        };
        if (saved.format !== FORMAT || !isResolution(saved.resolution)) return undefined;
        const fingerprint = saved.fingerprint;
        if (typeof fingerprint !== 'object' || fingerprint === null) return undefined;
        return fingerprintHolds(fingerprint as Fingerprint) ? saved.resolution : undefined;
      } catch {
        return undefined;
      }
    },
    save: (resolution) => {
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const fingerprint = takeFingerprint({
          cwd: opts.cwd,
          goRoot: resolution.goRoot,
          env: opts.env,
          platform: opts.platform,
        });
        if (!fingerprint) return;
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // Renamed into place: a run reading it at the same moment sees the old entry or the new one.
        writeFileSync(temp, JSON.stringify({ format: FORMAT, resolution, fingerprint }), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // No directory to hold it: nothing was written.
        }
      }
    },
  };
}

/** `.`, `./x`, `./x/...` and the like: patterns naming directories under the run's own, never above it. */
export function isRelativeDirectoryPattern(pattern: string): boolean {
  if (pattern !== '.' && !pattern.startsWith('./')) return false;
  return !pattern.split('/').some((segment) => segment === '..');
}

// The file is ours, but may be cut short or edited by hand: a bad one is a miss, never a crash.
function isResolution(value: unknown): value is Resolution {
  const r = value as Resolution | undefined;
  const strings = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.goRoot === 'string' &&
    typeof r.module?.path === 'string' &&
    typeof r.module.dir === 'string' &&
    typeof r.module.goVersion === 'string' &&
    Array.isArray(r.setupFailures) &&
    r.setupFailures.every((f) => typeof f?.importPath === 'string' && typeof f.error === 'string') &&
    Array.isArray(r.packages) &&
    r.packages.every(
      (p) =>
        typeof p?.importPath === 'string' &&
        typeof p.dir === 'string' &&
        typeof p.name === 'string' &&
        typeof p.noTestFiles === 'boolean' &&
        strings(p.goFiles) &&
        strings(p.testGoFiles) &&
        strings(p.xTestGoFiles),
    )
  );
}

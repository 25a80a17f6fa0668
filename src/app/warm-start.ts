// A warm start: go test starts from the resolution an earlier run saved for the same unchanged
// tree (src/resolve/warm-resolution.ts), while go list runs beside it. What go list says decides:
// the same resolution, and the run goes on; another one, or an error, and the run started from
// the saved one is stopped before anything of it is shown, and begins again from go list's.
import { join } from 'node:path';
import type { CliOptions } from '../cli/options.js';
import type { Resolution } from '../resolve/resolve-packages.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { warmResolutionCache, type WarmResolutionCache } from '../resolve/warm-resolution.js';
import { goleakRunCacheDir } from '../user-dirs.js';
import { trimOverlayCache } from './overlay-cache.js';

/** What go list said of the resolution a warm start began with. */
export type Confirmation =
  | { kind: 'same' }
  | { kind: 'changed'; fresh: Resolution }
  | { kind: 'failed'; error: unknown };

/** The run's saved resolution, in `<user cache>/goleak-run/resolution`; undefined when it cannot have one. */
export function openWarmCache(opts: {
  cwd: string;
  cli: Pick<CliOptions, 'patterns'>;
  flags: Pick<GoTestFlags, 'listFlags' | 'userOverlay'>;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  version: string;
  now: number;
}): WarmResolutionCache | undefined {
  // A user's -overlay can change the package list without touching the tree.
  if (opts.flags.userOverlay !== undefined) return undefined;
  const cacheDir = join(goleakRunCacheDir(opts.env, opts.platform), 'resolution');
  const cache = warmResolutionCache({
    cacheDir,
    cwd: opts.cwd,
    patterns: opts.cli.patterns,
    buildFlags: opts.flags.listFlags,
    env: opts.env,
    platform: opts.platform,
    version: opts.version,
  });
  if (!cache) return undefined;
  return {
    read: cache.read,
    save: (resolution) => {
      try {
        // Entries of trees not run for days go, as the overlay cache's do.
        trimOverlayCache(cacheDir, opts.now);
      } catch {
        // An unwritable cache dir: the save below fails quietly too.
      }
      cache.save(resolution);
    },
  };
}

/** Compares what go list says now with the saved resolution the run started from. */
export function confirmResolution(resolving: Promise<Resolution>, warm: Resolution): Promise<Confirmation> {
  const saved = JSON.stringify(warm);
  return resolving.then(
    (fresh): Confirmation => (JSON.stringify(fresh) === saved ? { kind: 'same' } : { kind: 'changed', fresh }),
    (error: unknown): Confirmation => ({ kind: 'failed', error }),
  );
}

/**
 * Waits for go list's word on a warm start (none: a cold start) and, when it does not stand by the
 * saved resolution, stops the run started from it. Returns why it was dropped, or undefined.
 */
export async function settleWarmStart(
  confirming: Promise<Confirmation> | undefined,
  execution: Promise<unknown>,
  stop: () => Promise<void>,
): Promise<Exclude<Confirmation, { kind: 'same' }> | undefined> {
  // Handled now, awaited by the caller: the run may fail while go list is still confirming.
  execution.catch(() => undefined);
  const confirmed = await confirming;
  if (!confirmed || confirmed.kind === 'same') return undefined;
  await stop();
  await execution.catch(() => undefined);
  return confirmed;
}

/** A writer that holds its text until `release`, so a warm start that is dropped has printed nothing. */
export function heldWriter(target: { write: (text: string) => unknown }): {
  write: (text: string) => unknown;
  release: () => void;
} {
  let held: string[] | undefined = [];
  return {
    write: (text) => (held ? held.push(text) : target.write(text)),
    release: () => {
      if (held?.length) target.write(held.join(''));
      held = undefined;
    },
  };
}

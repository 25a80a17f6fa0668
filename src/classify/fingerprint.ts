// Stable identity of a leak for baselines: an edit above the leak must not change it, nor
// must a test's name (a fixed attribution or a renamed test would churn every entry).
import { createHash } from 'node:crypto';
import type { Frame } from '../model.js';
import { isRuntimeInternal } from './top-function.js';

/**
 * Function names that describe a goroutine's stack shape. Runtime-internal frames and `go`
 * statement wrappers (`.gowrap1`) are left out because GOTRACEBACK=system prints them and the
 * default does not; ids, arguments, addresses and lines never take part.
 */
export function stackShape(frames: readonly Frame[]): string[] {
  return frames.map((f) => f.func).filter((f) => !isRuntimeInternal(f) && !/\.gowrap\d+$/.test(f));
}

function hash(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** The declared function a site's function belongs to: closure numbers shift when a literal is added above. */
function siteFunction(func: string): string {
  return func.replace(/(\.(func|gowrap)?\d+)+$/, '');
}

/**
 * States of a goroutine caught mid-work (a loop that never blocks): its stack is wherever the
 * dump found it, different from one run to the next, so it cannot identify the leak.
 */
const BUSY_STATES = new Set(['running', 'runnable', 'preempted']);

/**
 * 16 hex chars of sha256 over package, the function of the leak site, stack shape and creator.
 * A busy goroutine is known by its package and creator alone: its stack and the leak site found
 * on it move with every dump, and a running one's stack is not even printed.
 */
export function fingerprint(
  pkg: string,
  site: string | undefined,
  shape: string[],
  createdBy: string | undefined,
  state: string,
): string {
  if (BUSY_STATES.has(state)) return hash(['v2', pkg, 'busy', `created by ${createdBy ?? ''}`]);
  return hash(['v2', pkg, `at ${siteFunction(site ?? '')}`, ...shape, `created by ${createdBy ?? ''}`]);
}

/** The version-1 fingerprint of one test's share of a leak: what baselines of schema 1 recorded. */
export function legacyFingerprint(pkg: string, test: string, shape: string[], createdBy: string | undefined): string {
  return hash([pkg, test, ...shape, `created by ${createdBy ?? ''}`]);
}

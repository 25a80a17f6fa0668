// Stable identity of a leak for baselines: an edit above the leak must not change it.
import { createHash } from 'node:crypto';
import type { Goroutine } from '../model.js';
import { isRuntimeInternal } from './top-function.js';

/**
 * Function names that describe a goroutine's stack shape. Runtime-internal frames and `go`
 * statement wrappers (`.gowrap1`) are left out because GOTRACEBACK=system prints them and the
 * default does not; ids, arguments, addresses and lines never take part.
 */
export function stackShape(g: Goroutine): string[] {
  return g.frames.map((f) => f.func).filter((f) => !isRuntimeInternal(f) && !/\.gowrap\d+$/.test(f));
}

/** 16 hex chars of sha256 over package, test name, stack shape and creator. */
export function fingerprint(pkg: string, test: string, shape: string[], createdBy: string | undefined): string {
  const text = [pkg, test, ...shape, `created by ${createdBy ?? ''}`].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

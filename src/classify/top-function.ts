// The frame a user recognises: what a report shows as `top` and what `top` ignore rules see.
import { INTERNAL_FRAMES } from '../check-protocol.js';
import type { Frame } from '../model.js';

/** True for frames inside the runtime or std internals, skipped when naming a goroutine (as the check does). */
export function isRuntimeInternal(func: string): boolean {
  return INTERNAL_FRAMES.some((p) => (p.endsWith('*') ? func.startsWith(p.slice(0, -1)) : func === p));
}

/** First frame outside runtime internals; the first frame when every frame is internal. */
export function topFunction(frames: Frame[]): string {
  const frame = frames.find((f) => !isRuntimeInternal(f.func)) ?? frames[0];
  return frame?.func ?? '';
}

// The frame a user recognises: what a report shows as `top` and what `top` ignore rules see.
import type { Frame } from '../model.js';

// Runtime and internal packages a user never calls directly; GOTRACEBACK=system dumps
// also show runtime.gopark and friends, which must not change what we report.
const INTERNAL = [/^runtime\./, /^internal\//, /^sync\.runtime_/, /^os\/signal\.signal_recv$/];

/** True for frames inside the runtime or std internals, skipped when naming a goroutine. */
export function isRuntimeInternal(func: string): boolean {
  return INTERNAL.some((re) => re.test(func));
}

/** First frame outside runtime internals; the first frame when every frame is internal. */
export function topFunction(frames: Frame[]): string {
  const frame = frames.find((f) => !isRuntimeInternal(f.func)) ?? frames[0];
  return frame?.func ?? '';
}

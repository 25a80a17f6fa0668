// Go duration strings (`500ms`, `2s`, `1m30s`) as milliseconds, for --max-wait and maxWait.
import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Longest wait accepted (--max-wait, maxWait): a goroutine still running after an hour is not finishing. */
export const MAX_WAIT_LIMIT_MS = 3_600_000;
/** MAX_WAIT_LIMIT_MS as users write it. */
export const MAX_WAIT_LIMIT = '1h';

/** Text shown when a duration is malformed, shared with the config schema. */
export const DURATION_HINT = 'a Go duration like 500ms, 2s or 1m30s';

/** True when `text` is a non-negative Go duration (`0` needs no unit, like time.ParseDuration). */
export function isDuration(text: string): boolean {
  return parseDurationOrUndefined(text) !== undefined;
}

function parseDurationOrUndefined(text: string): number | undefined {
  const body = text.startsWith('+') ? text.slice(1) : text;
  if (body === '0') return 0;
  if (body === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < body.length) {
    const start = PART.lastIndex;
    const m = PART.exec(body);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Milliseconds, rounded to the nearest one; throws UsageError with the expected form otherwise. */
export function parseDuration(text: string): number {
  const ms = parseDurationOrUndefined(text.trim());
  if (ms === undefined) throw new UsageError(`expected ${DURATION_HINT}, found "${text}"`);
  return ms;
}

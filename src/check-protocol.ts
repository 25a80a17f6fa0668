// The contract between the leak check inside the test binary (templates/check, scan and record .go.tmpl)
// and the reader here: every value both sides must agree on is defined once, in this
// file, and rendered into the template by src/overlay.
//
// The check writes one record per phase, as JSON, to `<results dir>/<id>.<phase>.json`.
// The final record also goes to stdout as `goleak-run:v2 <hmac-sha256 hex> <json>`, so
// that Go's test cache replays it; the HMAC, keyed by a secret of this machine, means
// that no line a test prints can pass for a record.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Starts the signed record line on stdout. */
export const RECORD_PREFIX = 'goleak-run:v2 ';

/** Environment variable naming the results directory; the binary reads and clears it first thing. */
export const RESULTS_ENV = 'GOLEAKRUN_RESULTS';

/** Phases of a record: `waiting` is written before the settle wait, `final` after it. */
export type RecordPhase = 'waiting' | 'final';

/** Suffix of the file where the runtime copies a crash (debug.SetCrashOutput). */
export const CRASH_SUFFIX = '.crash';

/** Suffix of the file holding the exit code TestMain left with, when it left through the check's hooks. */
export const EXIT_SUFFIX = '.exit';

/**
 * Suffix of the (empty) file written as m.Run starts. An armed binary that passed without it
 * and without a record ended in TestMain before any test ran (an os.Exit in another package).
 */
export const RUN_SUFFIX = '.run';

/** Identical leftover goroutines, folded inside the binary. */
interface RecordGroup {
  /** How many goroutines. */
  n: number;
  /** Their ids (capped in the binary; `n` stays exact). */
  ids: number[];
  /** The traceback block of the first one, as runtime.Stack prints it. */
  stack: string;
}

/** What the check reports. */
export interface CheckRecord {
  v: 2;
  pkg: string;
  phase: RecordPhase;
  waitedMs: number;
  /** Goroutines the ignore rules dropped. */
  ignored: number;
  /** The toolchain had the goroutineleak profile: a group whose header says `(leaked)` is proven. */
  proof?: boolean;
  /** Leftover goroutines; empty when the package is clean. */
  groups: RecordGroup[];
}

/**
 * Frames a user never calls directly (runtime and std internals), skipped when naming a
 * goroutine's top function; `*` ends a prefix. GOTRACEBACK=system dumps show runtime.gopark
 * and friends, which must not change what is reported.
 */
export const INTERNAL_FRAMES: readonly string[] = [
  'runtime.*',
  'internal/*',
  'sync.runtime_*',
  'os/signal.signal_recv',
];

/** True for frames inside the runtime or std internals, skipped when naming a goroutine (as the check does). */
export function isRuntimeInternal(func: string): boolean {
  return INTERNAL_FRAMES.some((p) => (p.endsWith('*') ? func.startsWith(p.slice(0, -1)) : func === p));
}

/** The frame a user recognises: the first outside runtime internals, else the first frame. */
export function topFunction(frames: readonly { func: string }[]): string {
  const frame = frames.find((f) => !isRuntimeInternal(f.func)) ?? frames[0];
  return frame?.func ?? '';
}

/** The file stem of a package's results: stable, so the overlay (and Go's caches) stay stable. */
export function resultId(importPath: string): string {
  return createHash('sha256').update(importPath).digest('hex').slice(0, 16);
}

/** The results file of one phase. */
export function recordFileName(id: string, phase: RecordPhase): string {
  return `${id}.${phase}.json`;
}

/** Signs a record's JSON text, as the check does. */
export function signRecord(key: string, json: string): string {
  return createHmac('sha256', key).update(json).digest('hex');
}

/** True when `mac` is the signature of `json` under `key`. */
export function verifyRecord(key: string, json: string, mac: string): boolean {
  const want = Buffer.from(signRecord(key, json), 'hex');
  const got = Buffer.from(mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Reads a record's JSON; undefined when it is not one (never throws). */
export function decodeRecord(json: string): CheckRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const phaseOk = r.phase === 'waiting' || r.phase === 'final';
  if (r.v !== 2 || typeof r.pkg !== 'string' || !phaseOk || !isCount(r.waitedMs) || !isCount(r.ignored))
    return undefined;
  if (r.proof !== undefined && typeof r.proof !== 'boolean') return undefined;
  if (!Array.isArray(r.groups) || !r.groups.every(isGroup)) return undefined;
  return value as CheckRecord;
}

function isGroup(value: unknown): value is RecordGroup {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as Record<string, unknown>;
  return isCount(g.n) && typeof g.stack === 'string' && Array.isArray(g.ids) && g.ids.every(isCount);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

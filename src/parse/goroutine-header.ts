// Goroutine header lines, as runtime.goroutineheader prints them (Go 1.21 to 1.27).
//
//   header    = "goroutine " ID [ sys ] " [" status "]" [ labels127 ] ":"     (Go 1.27)
//             | "goroutine " ID [ sys ] " [" status [ labels126 ] "]:"      (Go ≤ 1.26)
//   sys       = " gp=" HEX " m=" ( INT " mp=" HEX | "nil" )   GOTRACEBACK=system, or the crashing goroutine
//   status    = reason { flag } { ", " item }
//   reason    = wait reason or status word: "chan receive", "select (no cases)", "IO wait",
//               "running", "runnable", "syscall", "GC worker (idle)", "???" …
//               Synctest reasons carry their own " (durable)": "chan receive (durable)".
//   flag      = " (leaked)" | " (scan)" | " (durable)"              printed in this order
//   item      = INT " minutes" | "locked to thread" | "synctest bubble " INT
//   labels126 = " labels:{" pair { ", " pair } "}"    pair = QUOTED ": " QUOTED
//   labels127 = " {" pair { ", " pair } "}"           pair = str ": " str, str = BARE | QUOTED
//   BARE      = [A-Za-z0-9._/]*    QUOTED = runtime.printquoted, see label-string.ts
//
// `(durable)` is folded into the `durable` flag so the state reads the same in and out of a
// bubble; `(scan)` is transient GC state and is dropped.
import type { Goroutine } from '../model.js';
import { readLabelToken, readQuoted } from './label-string.js';

/** The fields of a goroutine header line. */
export type GoroutineHeader = Pick<
  Goroutine,
  'id' | 'state' | 'waitMinutes' | 'lockedToThread' | 'durable' | 'bubble' | 'leakedByGc' | 'labels'
>;

/** A parsed header, plus notes about parts it did not recognise but could skip. */
export type HeaderResult =
  | { ok: true; header: GoroutineHeader; notes: readonly string[] }
  | { ok: false; error: string };

const PREFIX = 'goroutine ';
/** Digits of the largest number read exactly (2^53 has 16). */
const MAX_DIGITS = 15;
/** Longest status item quoted back in a note. */
const MAX_ITEM_TEXT = 80;
const MALFORMED_LABELS = 'malformed labels in goroutine header; labels dropped';
const MALFORMED_LABELS_ERROR = 'malformed labels in goroutine header';
const LABELS_126 = ' labels:{';
const FLAGS: ReadonlyArray<readonly [string, 'leakedByGc' | 'durable' | 'scan']> = [
  [' (durable)', 'durable'],
  [' (scan)', 'scan'],
  [' (leaked)', 'leakedByGc'],
];

/** True when the line starts like a goroutine header (cheap check before a full parse). */
export function looksLikeHeader(line: string): boolean {
  return line.startsWith(PREFIX);
}

/** Parses one header line (without its newline). */
export function parseGoroutineHeader(line: string): HeaderResult {
  let i = PREFIX.length;
  const idStart = i;
  while (i < line.length && isDigit(line.charCodeAt(i))) i++;
  if (i === idStart) return { ok: false, error: 'goroutine header without an id' };
  // Go's ids are uint64 but never come near 2^53; more digits than that is not a dump.
  if (i - idStart > MAX_DIGITS) return { ok: false, error: 'goroutine header with an out-of-range id' };
  const id = Number(line.slice(idStart, i));
  const open = line.indexOf(' [', i);
  if (open < 0) return { ok: false, error: 'goroutine header without [status]' };
  // Only the system fields (` gp=… m=…`) may sit between the id and the status.
  if (open > i && !line.startsWith(' gp=', i)) return { ok: false, error: 'goroutine header with text after the id' };
  const statusStart = open + 2;
  const close = line.indexOf(']', statusStart);
  if (close < 0) return { ok: false, error: 'goroutine header without closing ]' };
  const labels126 = line.indexOf(LABELS_126, statusStart);
  let labels: Record<string, string> | undefined = {};
  let statusEnd: number;
  if (labels126 >= 0 && labels126 < close) {
    statusEnd = labels126;
    const read = readLabels(line, labels126 + LABELS_126.length);
    labels = read && line.slice(read.end) === ']:' ? read.labels : undefined;
    if (!labels && !line.endsWith(']:')) return { ok: false, error: MALFORMED_LABELS_ERROR };
  } else {
    statusEnd = close;
    const rest = line.slice(close + 1);
    if (rest.startsWith(' {')) {
      const read = readLabels(line, close + 3);
      labels = read && line.slice(read.end) === ':' ? read.labels : undefined;
      if (!labels && !line.endsWith(':')) return { ok: false, error: MALFORMED_LABELS_ERROR };
    } else if (rest !== ':') {
      return { ok: false, error: 'goroutine header does not end with ]:' };
    }
  }
  // Labels never decide whether a goroutine leaked: bad ones are dropped, the goroutine is kept.
  const result = parseStatus(id, line.slice(statusStart, statusEnd), labels ?? {});
  if (labels || !result.ok) return result;
  return { ok: true, header: result.header, notes: [...result.notes, MALFORMED_LABELS] };
}

const NO_NOTES: readonly string[] = Object.freeze([]);

function parseStatus(id: number, status: string, labels: Record<string, string>): HeaderResult {
  // Fast path for the common `[chan receive]`: no flags, no items, nothing to split.
  if (status.length > 0 && !status.includes(',') && !status.endsWith(')')) {
    const header = { id, state: status, lockedToThread: false, durable: false, leakedByGc: false, labels };
    return { ok: true, header, notes: NO_NOTES };
  }
  const parts = status.split(', ');
  let state = parts[0] ?? '';
  const header: GoroutineHeader = { id, state, lockedToThread: false, durable: false, leakedByGc: false, labels };
  for (const [suffix, flag] of FLAGS) {
    if (state.endsWith(suffix)) {
      state = state.slice(0, -suffix.length);
      if (flag !== 'scan') header[flag] = true;
    }
  }
  if (state === '') return { ok: false, error: 'goroutine header with an empty status' };
  header.state = state;
  const notes: string[] = [];
  for (const item of parts.slice(1)) {
    if (item === 'locked to thread') header.lockedToThread = true;
    else if (item.endsWith(' minutes') && isNumber(item.slice(0, -8))) header.waitMinutes = Number(item.slice(0, -8));
    else if (item.startsWith('synctest bubble ') && isNumber(item.slice(16))) header.bubble = Number(item.slice(16));
    else notes.push(`unknown goroutine status item "${item.slice(0, MAX_ITEM_TEXT)}"`);
  }
  return { ok: true, header, notes };
}

/** Reads `pair {", " pair} "}"` from `start`; returns the labels and the index after `}`. */
function readLabels(line: string, start: number): { labels: Record<string, string>; end: number } | undefined {
  const labels: Record<string, string> = {};
  let i = start;
  if (line[i] === '}') return { labels, end: i + 1 };
  for (;;) {
    const key = readLabelToken(line, i, ':');
    if (!key || !line.startsWith(': ', key.end)) return undefined;
    const value = line[key.end + 2] === '"' ? readQuoted(line, key.end + 2) : readLabelToken(line, key.end + 2, ',}');
    if (!value) return undefined;
    // defineProperty: a label named __proto__ must stay a plain own key.
    const property = { value: value.value, enumerable: true, writable: true, configurable: true };
    Object.defineProperty(labels, key.value, property);
    if (line[value.end] === '}') return { labels, end: value.end + 1 };
    if (!line.startsWith(', ', value.end)) return undefined;
    i = value.end + 2;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Digits only, and few enough that Number reads them exactly.
function isNumber(s: string): boolean {
  if (s.length === 0 || s.length > MAX_DIGITS) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

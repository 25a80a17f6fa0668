// The lines inside a goroutine block other than its header: function calls,
// their `\tfile:line` locations, `created by`, ancestor markers and elision notes.
// All scanning is indexOf/charCode based: no regex can backtrack on odd input.
import type { CreatedBy, Frame } from '../model.js';

const CREATED_BY = 'created by ';
const IN_GOROUTINE = ' in goroutine ';
const ORIGINATING = '[originating from goroutine ';
const ELIDED_PREFIX = '...';
const ELIDED_SUFFIX = ' frames elided...';

/** `...additional frames elided...`: an ancestor stack cut at its capture limit. */
export const ANCESTOR_ELIDED = '...additional frames elided...';
/** Printed instead of a stack for a goroutine running on another thread. */
export const STACK_UNAVAILABLE = '\tgoroutine running on other thread; stack unavailable';

/** Parses a call line `pkg.(*T).m[...](0x1, {0x2}, ...)` into a frame; the next line fills its location. */
export function parseCallLine(line: string): Frame | undefined {
  // Arguments never contain parentheses, so the last `(` opens them.
  if (line.charCodeAt(line.length - 1) !== 41 /* ) */) return undefined;
  const open = line.lastIndexOf('(');
  if (open <= 0) return undefined;
  return { func: line.slice(0, open), args: line.slice(open + 1, -1), file: '', line: 0 };
}

/** Parses a location line `\t/path/file.go:123 +0x1d fp=… sp=… pc=…` into `into`; false when malformed. */
export function parseLocationLine(line: string, into: { file: string; line: number }): boolean {
  // Writes in place: this runs for every frame of every goroutine. Paths may hold spaces and colons.
  let end = line.indexOf(' +0x');
  if (end < 0) end = line.indexOf(' fp=');
  if (end < 0) end = line.length;
  const colon = line.lastIndexOf(':', end - 1);
  if (colon <= 1) return false;
  const n = parseDigits(line, colon + 1, end);
  if (n === undefined) return false;
  into.file = line.slice(1, colon);
  into.line = n;
  return true;
}

/** Parses `created by F[ in goroutine N]`; the location on the next line is filled in later. */
export function parseCreatedByLine(line: string): CreatedBy | undefined {
  if (!line.startsWith(CREATED_BY)) return undefined;
  const rest = line.slice(CREATED_BY.length);
  const at = rest.lastIndexOf(IN_GOROUTINE);
  if (at > 0) {
    const id = parseDigits(rest, at + IN_GOROUTINE.length, rest.length);
    if (id !== undefined) return { func: rest.slice(0, at), file: '', line: 0, goroutine: id };
  }
  return rest.length > 0 ? { func: rest, file: '', line: 0 } : undefined;
}

/** Parses `[originating from goroutine N]:` into N. */
export function parseOriginatingLine(line: string): number | undefined {
  if (!line.startsWith(ORIGINATING) || !line.endsWith(']:')) return undefined;
  return parseDigits(line, ORIGINATING.length, line.length - 2);
}

/** Parses `...N frames elided...` into N. */
export function parseElidedLine(line: string): number | undefined {
  if (!line.startsWith(ELIDED_PREFIX) || !line.endsWith(ELIDED_SUFFIX)) return undefined;
  return parseDigits(line, ELIDED_PREFIX.length, line.length - ELIDED_SUFFIX.length);
}

// Up to 15 digits, which a double holds exactly: longer is not a line number or an id.
function parseDigits(s: string, start: number, end: number): number | undefined {
  if (end <= start || end - start > 15) return undefined;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

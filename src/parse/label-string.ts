// Reads the label keys and values of goroutine headers. Go 1.26 always quotes
// them; Go 1.27 prints them bare unless they hold anything outside
// [A-Za-z0-9._/], then quotes them. The runtime's quoting (runtime.printquoted)
// is not JSON: it writes \xHH for control bytes and \u/\U with 4 and 8 digits;
// Go 1.27 also writes \xHH for each byte of invalid UTF-8 (Go 1.26 writes \ufffd).

/** A string read from a header and the index just past it. */
export interface ReadString {
  value: string;
  end: number;
}

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Reads a `"…"` runtime-quoted string starting at `start` (which holds the opening quote). */
export function readQuoted(text: string, start: number): ReadString | undefined {
  let value = '';
  let i = start + 1;
  let runStart = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      return { value: value + text.slice(runStart, i), end: i + 1 };
    }
    if (c !== 0x5c /* \ */) {
      i++;
      continue;
    }
    value += text.slice(runStart, i);
    const esc = text[i + 1];
    if (esc === undefined) return undefined;
    const digits = HEX_DIGITS[esc];
    if (digits !== undefined) {
      // Checked digit by digit: parseInt would take `-1`, `+1` or ` 1`, and String.fromCodePoint
      // throws a RangeError on anything outside 0..0x10FFFF.
      const code = hexValue(text, i + 2, digits);
      if (code === undefined || code > 0x10ffff) return undefined;
      // A byte of invalid UTF-8 reads as Go reads it in a string: U+FFFD, as Go 1.26 prints it.
      value += esc === 'x' && code >= 0x80 ? '\ufffd' : String.fromCodePoint(code);
      i += 2 + digits;
    } else {
      value += esc === 'n' ? '\n' : esc === 'r' ? '\r' : esc === 't' ? '\t' : esc;
      i += 2;
    }
    runStart = i;
  }
  return undefined;
}

/** Reads a bare (Go 1.27) or quoted label token; a bare token stops at any of `stops`. */
export function readLabelToken(text: string, start: number, stops: string): ReadString | undefined {
  if (text[start] === '"') return readQuoted(text, start);
  let i = start;
  while (i < text.length && !stops.includes(text[i] as string)) i++;
  return { value: text.slice(start, i), end: i };
}

// The value of exactly `count` hex digits at `start`; undefined when any of them is not one.
function hexValue(text: string, start: number, count: number): number | undefined {
  if (start + count > text.length) return undefined;
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return undefined;
    n = n * 16 + d;
  }
  return n;
}

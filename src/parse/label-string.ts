// Reads the label keys and values of goroutine headers. Go 1.26 always quotes
// them; Go 1.27 prints them bare unless they hold anything outside
// [A-Za-z0-9._/], then quotes them. The runtime's quoting (runtime.printquoted)
// is not JSON: it writes \xHH for control bytes and \u/\U with 4 and 8 digits.

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
      const hex = text.slice(i + 2, i + 2 + digits);
      const code = hex.length === digits ? Number.parseInt(hex, 16) : Number.NaN;
      if (Number.isNaN(code) || code > 0x10ffff) return undefined;
      value += String.fromCodePoint(code);
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

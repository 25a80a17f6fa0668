// Subtest names as the testing package prints them, from the literal passed to t.Run.

// testing.isSpace: ASCII and Unicode spaces that t.Run turns into `_` (not the Unicode Z class).
function isGoTestSpace(cp: number): boolean {
  if (cp < 0x2000) return [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680].includes(cp);
  return cp <= 0x200a || [0x2028, 0x2029, 0x202f, 0x205f, 0x3000].includes(cp);
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const NAMED_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

// strconv.QuoteRune without the quotes.
function escapeRune(cp: number): string {
  const named = NAMED_ESCAPES[cp];
  if (named) return named;
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** The name t.Run gives a subtest: spaces become `_`, unprintable runes are escaped, empty is `#00`. */
export function rewriteSubtestName(name: string): string {
  if (name === '') return '#00';
  let out = '';
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isGoTestSpace(cp)) out += '_';
    else if (!PRINTABLE.test(ch)) out += escapeRune(cp);
    else out += ch;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

/** Value of a Go string literal (`"…"` or raw), or undefined when the text is not exactly one literal. */
export function unquoteGoString(literal: string): string | undefined {
  if (/^`[^`]*`$/.test(literal)) return literal.slice(1, -1).replace(/\r/g, '');
  if (!/^"(?:[^"\\\n]|\\.)*"$/.test(literal)) return undefined;
  let out = '';
  const body = literal.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const esc = body[++i] ?? '';
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const width = { x: 2, u: 4, U: 8 }[esc];
    const digits = width ? body.slice(i + 1, i + 1 + width) : body.slice(i, i + 3);
    const value = width ? parseInt(digits, 16) : parseInt(digits, 8);
    const valid = width ? /^[0-9a-fA-F]+$/.test(digits) && digits.length === width : /^[0-7]{3}$/.test(digits);
    if (!valid || value > 0x10ffff) return undefined;
    // \x and octal escapes are bytes; only ASCII bytes map to one character safely.
    if (!(esc === 'u' || esc === 'U') && value > 0x7f) return undefined;
    out += String.fromCodePoint(value);
    i += width ? width : 2;
  }
  return out;
}

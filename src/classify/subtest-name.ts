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

// The value of a Go string literal token: subtest names given to t.Run, goleak's options.

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

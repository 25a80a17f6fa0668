// The value of a Go string literal token, for the few literals the overlay reads (goleak options).

const SIMPLE: Record<string, string> = {
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

/** Decodes a raw or interpreted Go string literal; undefined for escapes it does not know. */
export function goStringValue(literal: string): string | undefined {
  if (literal.length >= 2 && literal.startsWith('`') && literal.endsWith('`'))
    return literal.slice(1, -1).replaceAll('\r', '');
  if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) return undefined;
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1] ?? '';
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = body.slice(i + 2, i + 2 + width);
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += 1 + width;
  }
  return out;
}

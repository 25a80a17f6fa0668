// A lexer for just enough of Go to find declarations, selectors and literals: braces, `os.Exit`
// or `func TestMain` inside strings, runes and comments must never be mistaken for code.

/** Kinds of Go token the Go source tools tell apart; operators stay one char per token. */
type GoTokenKind = 'ident' | 'string' | 'rune' | 'number' | 'comment' | 'punct';

/** One token with its source span (offsets into the text) and 1-based starting line. */
export interface GoToken {
  kind: GoTokenKind;
  text: string;
  start: number;
  end: number;
  line: number;
}

/** Tokens plus what could not be lexed (an unterminated literal or comment). */
export interface TokenizeResult {
  tokens: GoToken[];
  warnings: { line: number; message: string }[];
}

const identRe = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const numberBodyRe = /[0-9A-Za-z_.]/;

/** Splits Go source into tokens; never throws, odd input becomes a warning. */
export function tokenizeGo(src: string): TokenizeResult {
  const tokens: GoToken[] = [];
  const warnings: TokenizeResult['warnings'] = [];
  let pos = 0;
  let line = 1;
  const push = (kind: GoTokenKind, start: number, startLine: number): void => {
    tokens.push({ kind, text: src.slice(start, pos), start, end: pos, line: startLine });
  };
  // Advances over text that may contain newlines, keeping the line count right.
  const advanceTo = (to: number): void => {
    for (let i = pos; i < to; i++) if (src[i] === '\n') line++;
    pos = to;
  };
  while (pos < src.length) {
    const c = src[pos]!;
    const start = pos;
    const startLine = line;
    if (c === '\n') {
      line++;
      pos++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      pos++;
    } else if (src.startsWith('//', pos)) {
      const nl = src.indexOf('\n', pos);
      pos = nl < 0 ? src.length : nl;
      push('comment', start, startLine);
    } else if (src.startsWith('/*', pos)) {
      const close = src.indexOf('*/', pos + 2);
      if (close < 0) warnings.push({ line: startLine, message: 'unterminated /* comment' });
      advanceTo(close < 0 ? src.length : close + 2);
      push('comment', start, startLine);
    } else if (c === '`') {
      const close = src.indexOf('`', pos + 1);
      if (close < 0) warnings.push({ line: startLine, message: 'unterminated raw string' });
      advanceTo(close < 0 ? src.length : close + 1);
      push('string', start, startLine);
    } else if (c === '"' || c === "'") {
      const scanned = scanQuoted(src, pos, c);
      pos = scanned.end;
      if (!scanned.closed) {
        warnings.push({ line: startLine, message: `unterminated ${c === '"' ? 'string' : 'rune'} literal` });
      }
      push(c === '"' ? 'string' : 'rune', start, startLine);
    } else if (isDigit(src.charCodeAt(pos)) || (c === '.' && isDigit(src.charCodeAt(pos + 1)))) {
      pos = scanNumber(src, pos);
      push('number', start, startLine);
    } else {
      const end = identEnd(src, pos);
      pos = end > start ? end : start + 1;
      push(end > start ? 'ident' : 'punct', start, startLine);
    }
  }
  return { tokens, warnings };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;

// Where the identifier at `from` ends (`from` itself when there is none). ASCII, nearly all Go
// source, is scanned by char code: the Unicode-aware pattern costs several times more per token.
function identEnd(src: string, from: number): number {
  const first = src.charCodeAt(from);
  if (first < 128 && !isAsciiLetter(first)) return from;
  let i = from;
  if (first < 128) {
    i++;
    for (let code = src.charCodeAt(i); i < src.length; code = src.charCodeAt(++i)) {
      if (code >= 128) break;
      if (!isAsciiLetter(code) && !isDigit(code)) return i;
    }
    if (i >= src.length) return i;
  }
  identRe.lastIndex = from;
  const m = identRe.exec(src);
  return m ? from + m[0].length : from;
}

// Interpreted strings and runes end at the closing quote or, unterminated, before the newline.
function scanQuoted(src: string, from: number, quote: string): { end: number; closed: boolean } {
  let i = from + 1;
  while (i < src.length && src[i] !== '\n') {
    if (src[i] === '\\' && src[i + 1] !== '\n') i += 2;
    else if (src[i] === quote) return { end: i + 1, closed: true };
    else i++;
  }
  return { end: Math.min(i, src.length), closed: false };
}

// Numbers only need to be skipped whole, so that `1.e+5` or `0x1p-2` never split oddly.
function scanNumber(src: string, from: number): number {
  const hex = /^0[xX]/.test(src.slice(from, from + 2));
  let i = from;
  while (i < src.length) {
    const ch = src[i]!;
    const prev = src[i - 1] ?? '';
    const exponentSign = (ch === '+' || ch === '-') && (hex ? /[pP]/.test(prev) : /[eE]/.test(prev));
    if (!numberBodyRe.test(ch) && !exponentSign) break;
    i++;
  }
  return i;
}

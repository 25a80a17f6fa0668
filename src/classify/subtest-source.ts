// Reads a subtest's name from the t.Run call in the test source. Only a string literal
// counts: `t.Run(tc.name, …)` has no name we can know without running the code.
import { tokenizeGo, type GoToken } from '../go-source/go-tokenizer.js';
import { unquoteGoString } from './subtest-name.js';

interface Span {
  funcIndex: number;
  open: GoToken;
  close: GoToken;
}

function codeTokens(source: string): GoToken[] {
  return tokenizeGo(source).tokens.filter((t) => t.kind !== 'comment');
}

function isPunct(t: GoToken | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}

// Index of the token closing the bracket opened at `from`, or -1.
function matchForward(tokens: GoToken[], from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    if (isPunct(tokens[i], open)) depth++;
    else if (isPunct(tokens[i], close) && --depth === 0) return i;
  }
  return -1;
}

// The `{` opening the body after a signature ending at `paramsEnd`, or -1 for a bare func type:
// a line break outside parentheses ends the signature (Go inserts a semicolon there).
function bodyOpen(tokens: GoToken[], paramsEnd: number): number {
  if (paramsEnd < 0) return -1;
  for (let i = paramsEnd + 1, paren = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (paren === 0 && t?.line !== tokens[i - 1]?.line) return -1;
    if (isPunct(t, '(')) paren++;
    else if (isPunct(t, ')')) paren--;
    else if (paren === 0 && isPunct(t, '{')) return i;
  }
  return -1;
}

// Bodies of function literals: `func` + `(` inside a block (a method declaration is at depth 0).
function funcLiteralSpans(tokens: GoToken[]): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  tokens.forEach((t, i) => {
    if (isPunct(t, '{')) depth++;
    else if (isPunct(t, '}')) depth--;
    if (depth === 0 || t.kind !== 'ident' || t.text !== 'func' || !isPunct(tokens[i + 1], '(')) return;
    const paramsEnd = matchForward(tokens, i + 1, '(', ')');
    const open = bodyOpen(tokens, paramsEnd);
    const close = open > 0 ? matchForward(tokens, open, '{', '}') : -1;
    const [o, c] = [tokens[open], tokens[close]];
    if (o && c) spans.push({ funcIndex: i, open: o, close: c });
  });
  return spans;
}

// The string literal first argument of the `.Run(` call whose last argument starts at `argStart`.
function runLiteralBefore(tokens: GoToken[], argStart: number): string | undefined {
  if (!isPunct(tokens[argStart - 1], ',')) return undefined;
  let i = argStart - 2;
  for (let depth = 0; i >= 0; i--) {
    const t = tokens[i];
    if (isPunct(t, ')') || isPunct(t, ']') || isPunct(t, '}')) depth++;
    else if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) {
      if (depth === 0) break;
      depth--;
    }
  }
  const [paren, name, dot] = [tokens[i], tokens[i - 1], tokens[i - 2]];
  if (!isPunct(paren, '(') || name?.text !== 'Run' || !isPunct(dot, '.')) return undefined;
  const first = tokens.slice(i + 1, argStart - 1);
  return first.length === 1 && first[0]?.kind === 'string' ? unquoteGoString(first[0].text) : undefined;
}

/**
 * Name passed to t.Run for the function literal whose body holds `line` (a line of the running
 * subtest). Undefined when the innermost literal there is ambiguous or not a t.Run argument.
 */
export function literalSubtestName(source: string, line: number): string | undefined {
  const tokens = codeTokens(source);
  const holding = funcLiteralSpans(tokens).filter((s) => s.open.line <= line && line <= s.close.line);
  const inner = holding.reduce<Span | undefined>((a, s) => (!a || s.open.start > a.open.start ? s : a), undefined);
  if (!inner) return undefined;
  // Two literals side by side on the line (not nested in each other) cannot be told apart.
  const nested = holding.every((s) => s.open.start <= inner.open.start && inner.close.end <= s.close.end);
  return nested ? runLiteralBefore(tokens, inner.funcIndex) : undefined;
}

/** Name passed in `t.Run("name", fn)` calls of the named function `fn`, when the file has exactly one. */
export function namedSubtestName(source: string, funcName: string): string | undefined {
  const tokens = codeTokens(source);
  const names = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'ident' || t.text !== funcName || !isPunct(tokens[i + 1], ')')) return;
    let start = i;
    while (isPunct(tokens[start - 1], '.') && tokens[start - 2]?.kind === 'ident') start -= 2;
    const name = runLiteralBefore(tokens, start);
    if (name !== undefined) names.add(name);
  });
  return names.size === 1 ? [...names][0] : undefined;
}

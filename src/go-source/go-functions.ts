// Function declarations of a Go file and the function literals inside them, numbered the way
// the compiler names closures: the n-th literal directly inside a declared function F is
// `F.funcn`, the m-th literal directly inside closure C is `C.m` (go1.21 to go1.27 agree; see
// test/go-source/go-functions.test.ts). Numbering is a claim about source order only: literals
// in constant-false branches or after a return are dropped by the compiler and still counted
// here, so callers check a literal against a line the traceback printed before trusting it.
import { tokenizeGo, type GoToken } from './go-tokenizer.js';

/** A function body: a declaration or a function literal. Indices point into `GoFile.tokens`. */
export interface GoFunction {
  /** The `func` keyword. */
  funcIndex: number;
  /** The body's `{` and `}`. */
  open: number;
  close: number;
  /** First parameter's name (`t` in `func(t *testing.T)`); undefined when unnamed or absent. */
  firstParam?: string;
  /** Function literals directly inside the body, in source order: index 0 is `func1` (or `.1`). */
  literals: GoFunction[];
}

/** A top-level function or method, named as tracebacks name it: `F`, `(*T).M`, `T.M`. */
export interface GoDeclaration extends GoFunction {
  name: string;
}

/** A parsed file: its code tokens (comments dropped) and its declarations in order. */
export interface GoFile {
  tokens: GoToken[];
  declarations: GoDeclaration[];
}

function isPunct(t: GoToken | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}

/** Index of the token closing the bracket opened at `from`, or -1. */
export function matchBracket(tokens: GoToken[], from: number): number {
  const open = tokens[from]?.text;
  const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (close === undefined) return -1;
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    if (isPunct(tokens[i], open as string)) depth++;
    else if (isPunct(tokens[i], close) && --depth === 0) return i;
  }
  return -1;
}

// Punctuation a result type may contain between the parameters and the body's `{` (`<-` is two tokens).
const TYPE_PUNCT = new Set(['*', '.', '[', ']', '<', '-']);

/**
 * The `{` opening the body of a signature whose parameters end at `paramsEnd`, or -1 for a
 * bare function type (`var f func(int) = …`, `[]func(){…}` element types, parameters).
 */
function bodyOpen(tokens: GoToken[], paramsEnd: number): number {
  for (let i = paramsEnd + 1; i < tokens.length; i++) {
    const t = tokens[i] as GoToken;
    // Go ends the signature at a line break (an implicit semicolon) outside brackets.
    if (t.line !== tokens[i - 1]?.line) return -1;
    if (t.kind === 'ident' && (t.text === 'interface' || t.text === 'struct') && isPunct(tokens[i + 1], '{')) {
      i = matchBracket(tokens, i + 1);
      if (i < 0) return -1;
    } else if (isPunct(t, '(') || isPunct(t, '[')) {
      i = matchBracket(tokens, i);
      if (i < 0) return -1;
    } else if (isPunct(t, '{')) {
      return i;
    } else if (t.kind === 'punct' ? !TYPE_PUNCT.has(t.text) : t.kind !== 'ident') {
      return -1;
    }
  }
  return -1;
}

// The name of the first parameter when the list starts with `name Type`.
function firstParamName(tokens: GoToken[], paramsOpen: number): string | undefined {
  const [name, next] = [tokens[paramsOpen + 1], tokens[paramsOpen + 2]];
  if (name?.kind !== 'ident' || next === undefined) return undefined;
  return isPunct(next, ',') || isPunct(next, ')') || isPunct(next, '.') ? undefined : name.text;
}

// A function (literal or declared) whose parameter list opens at `paramsOpen`, or undefined.
function functionAt(tokens: GoToken[], funcIndex: number, paramsOpen: number): GoFunction | undefined {
  const paramsEnd = matchBracket(tokens, paramsOpen);
  const open = paramsEnd < 0 ? -1 : bodyOpen(tokens, paramsEnd);
  const close = open < 0 ? -1 : matchBracket(tokens, open);
  if (close < 0) return undefined;
  const firstParam = firstParamName(tokens, paramsOpen);
  return { funcIndex, open, close, ...(firstParam ? { firstParam } : {}), literals: literalsIn(tokens, open, close) };
}

/** Function literals directly inside the body `{` at `open` … `}` at `close`, with their own literals. */
function literalsIn(tokens: GoToken[], open: number, close: number): GoFunction[] {
  const found: GoFunction[] = [];
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i] as GoToken;
    // `[]func(){…}` and `map[K]func(){…}` are composite literals of a function type.
    if (t.kind !== 'ident' || t.text !== 'func' || !isPunct(tokens[i + 1], '(') || isPunct(tokens[i - 1], ']'))
      continue;
    const literal = functionAt(tokens, i, i + 1);
    if (!literal) continue;
    found.push(literal);
    i = literal.close;
  }
  return found;
}

// `(s *T)`, `(T)`, `(s *T[K])` → `(*T)` or `T`; tracebacks print type arguments as `[...]`,
// which callers drop before looking a name up.
function receiverName(tokens: GoToken[], open: number, close: number): string | undefined {
  let i = open + 1;
  if (tokens[i]?.kind === 'ident' && (isPunct(tokens[i + 1], '*') || tokens[i + 1]?.kind === 'ident')) i++;
  const pointer = isPunct(tokens[i], '*');
  const type = tokens[pointer ? i + 1 : i];
  if (type?.kind !== 'ident' || (pointer ? i + 2 : i + 1) > close) return undefined;
  return pointer ? `(*${type.text})` : type.text;
}

// A top-level `func` at `i`: its traceback name and parsed body, or undefined (no body, odd syntax).
function declarationAt(tokens: GoToken[], i: number): GoDeclaration | undefined {
  let j = i + 1;
  let receiver: string | undefined;
  if (isPunct(tokens[j], '(')) {
    const end = matchBracket(tokens, j);
    receiver = end < 0 ? undefined : receiverName(tokens, j, end);
    if (receiver === undefined) return undefined;
    j = end + 1;
  }
  const name = tokens[j];
  if (name?.kind !== 'ident') return undefined;
  j++;
  if (isPunct(tokens[j], '[')) j = matchBracket(tokens, j) + 1;
  if (j <= 0 || !isPunct(tokens[j], '(')) return undefined;
  const fn = functionAt(tokens, i, j);
  return fn && { ...fn, name: receiver ? `${receiver}.${name.text}` : name.text };
}

/** Parses a Go file; never throws: what cannot be read is left out. */
export function parseGoFile(source: string): GoFile {
  const tokens = tokenizeGo(source).tokens.filter((t) => t.kind !== 'comment');
  const declarations: GoDeclaration[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as GoToken;
    if (t.kind === 'punct' && '{(['.includes(t.text)) depth++;
    else if (t.kind === 'punct' && '})]'.includes(t.text)) depth--;
    else if (depth === 0 && t.kind === 'ident' && t.text === 'func') {
      const decl = declarationAt(tokens, i);
      if (decl) {
        declarations.push(decl);
        i = decl.close;
      }
    }
  }
  return { tokens, declarations };
}

/** The literal reached from `fn` by 1-based positions (`[1, 2]`: the 2nd literal inside the 1st). */
export function literalAt(fn: GoFunction, path: readonly number[]): GoFunction | undefined {
  let current: GoFunction | undefined = fn;
  for (const n of path) current = current?.literals[n - 1];
  return current;
}

/** First and last line of a function, from `func` to the closing brace. */
export function functionLines(file: GoFile, fn: GoFunction): { first: number; last: number } {
  return { first: file.tokens[fn.funcIndex]?.line ?? 0, last: file.tokens[fn.close]?.line ?? 0 };
}

/** The declaration a traceback names `name` (`F`, `(*T).M`, `T.M`), or undefined. */
export function findDeclaration(file: GoFile, name: string): GoDeclaration | undefined {
  return file.declarations.find((d) => d.name === name);
}

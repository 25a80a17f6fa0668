// Calls around a token: which call an expression is an argument of, and its arguments.
import type { GoToken } from './go-tokenizer.js';
import { matchBracket } from './go-functions.js';

/** A call's parentheses and its arguments as inclusive token ranges. */
export interface GoCall {
  /** Index of `(`; the callee ends just before it. */
  open: number;
  close: number;
  args: { start: number; end: number }[];
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** The call whose parentheses directly enclose token `index`, or undefined (inside braces or brackets first). */
export function callAround(tokens: GoToken[], index: number): GoCall | undefined {
  let open = -1;
  for (let i = index - 1, depth = 0; i >= 0; i--) {
    const t = tokens[i] as GoToken;
    if (t.kind !== 'punct') continue;
    if (CLOSERS.has(t.text)) depth++;
    else if (OPENERS.has(t.text)) {
      if (depth > 0) {
        depth--;
        continue;
      }
      open = t.text === '(' ? i : -1;
      break;
    }
  }
  const close = open < 0 ? -1 : matchBracket(tokens, open);
  if (close < 0 || close < index) return undefined;
  const args: GoCall['args'] = [];
  let start = open + 1;
  for (let i = open + 1, depth = 0; i <= close; i++) {
    const t = tokens[i] as GoToken;
    if (t.kind !== 'punct') continue;
    if (OPENERS.has(t.text)) depth++;
    else if (CLOSERS.has(t.text) && i < close) depth--;
    else if ((t.text === ',' && depth === 0) || i === close) {
      // A trailing comma before `)` ends the list without starting an argument.
      if (i > start) args.push({ start, end: i - 1 });
      start = i + 1;
    }
  }
  return { open, close, args };
}

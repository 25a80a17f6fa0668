// The name a `t.Run` call in the test source gives a subtest. Only a string literal counts:
// `t.Run(tc.name, …)` has no name we can know without running the code. And only a call on
// the parent's own `t` (its first parameter), directly in the parent's body, names a child
// of that parent: `t.Run` on a captured outer `t` would start a sibling of the parent.
import { callAround } from '../go-source/go-calls.js';
import type { GoFile, GoFunction } from '../go-source/go-functions.js';
import type { GoToken } from '../go-source/go-tokenizer.js';
import { unquoteGoString } from '../go-source/go-string.js';

function isPunct(t: GoToken | undefined, text: string): boolean {
  return t?.kind === 'punct' && t.text === text;
}

/** A `recv.Run(name, f)` call: whether `recv` is the parent's own `t`, and the name when it is a string literal. */
export interface RunCall {
  onParent: boolean;
  /** Raw literal value; undefined for a computed name (`tc.name`). */
  name?: string;
}

// The call `recv.Run(<name>, <arg>)` whose second argument is `argStart`…`argEnd`, if it is one.
function runCallWith(file: GoFile, parent: GoFunction, argStart: number, argEnd: number): RunCall | undefined {
  const tokens = file.tokens;
  const call = callAround(tokens, argStart);
  const [first, second] = call?.args ?? [];
  if (call?.args.length !== 2 || !first || second?.start !== argStart || second.end !== argEnd) return undefined;
  const [run, dot, recv, beforeRecv] = [
    tokens[call.open - 1],
    tokens[call.open - 2],
    tokens[call.open - 3],
    tokens[call.open - 4],
  ];
  if (run?.text !== 'Run' || !isPunct(dot, '.')) return undefined;
  const onParent = recv?.kind === 'ident' && !isPunct(beforeRecv, '.') && recv.text === parent.firstParam;
  const literal = tokens[first.start];
  const name = first.start === first.end && literal?.kind === 'string' ? unquoteGoString(literal.text) : undefined;
  return name === undefined ? { onParent } : { onParent, name };
}

/** The `t.Run` call that `literal`, a function literal directly inside `parent`, is passed to. */
export function literalRunCall(file: GoFile, parent: GoFunction, literal: GoFunction): RunCall | undefined {
  return parent.literals.includes(literal) ? runCallWith(file, parent, literal.funcIndex, literal.close) : undefined;
}

/**
 * The `t.Run(name, f)` calls in `parent`'s own body (not inside its literals) that pass the
 * named function `funcName` (as `f`, `pkg.f`, `s.f` or `S{}.f`).
 */
export function namedRunCalls(file: GoFile, parent: GoFunction, funcName: string): RunCall[] {
  const tokens = file.tokens;
  const calls: RunCall[] = [];
  for (let i = parent.open + 1; i < parent.close; i++) {
    const inside = parent.literals.find((l) => l.funcIndex <= i && i <= l.close);
    if (inside) {
      i = inside.close;
      continue;
    }
    const t = tokens[i];
    if (t?.kind !== 'ident' || t.text !== funcName || !isPunct(tokens[i + 1], ')')) continue;
    // The argument is the name alone or a selector ending in it; it starts just after the comma.
    let start = i;
    if (isPunct(tokens[i - 1], '.')) {
      start = i - 1;
      while (start > parent.open && !isPunct(tokens[start - 1], ',')) start--;
    }
    const call = runCallWith(file, parent, start, i);
    if (call) calls.push(call);
  }
  return calls;
}

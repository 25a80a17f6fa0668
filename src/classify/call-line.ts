// Ancestor frames print the line of their return address, not of their call: Go saves the
// return PCs when a goroutine is created and prints them without stepping back into the call
// (runtime.printAncestorTracebackFuncInfo), so when nothing of the calling statement runs
// after the call, the line is the next statement's. `srv := httptest.NewServer(h)` followed
// by `resp, err := http.Get(srv.URL)` shows the Get line.
import { findDeclaration, literalAt, functionLines, type GoFile, type GoFunction } from '../go-source/go-functions.js';
import { parseClosureName } from './func-name.js';

// The name a call site spells for a traceback function: `pkg.(*T).Start` → `Start`.
function calledName(func: string): string | undefined {
  const last = func
    .slice(func.lastIndexOf('/') + 1)
    .replace(/-fm$/, '')
    .replace(/\[\.\.\.\]/g, '')
    .split('.')
    .pop();
  return last === undefined || /^(func)?\d+$/.test(last) ? undefined : last;
}

// Lines of `fn`'s own calls of `name(` (calls inside its literals belong to those closures).
function callLines(file: GoFile, fn: GoFunction, name: string): number[] {
  const lines: number[] = [];
  for (let i = fn.open + 1; i < fn.close; i++) {
    const literal = fn.literals.find((l) => l.funcIndex === i);
    if (literal) {
      i = literal.close;
      continue;
    }
    const [t, next] = [file.tokens[i], file.tokens[i + 1]];
    if (t?.kind === 'ident' && t.text === name && next?.kind === 'punct' && (next.text === '(' || next.text === '['))
      lines.push(t.line);
  }
  return lines;
}

/**
 * The line of the call in `caller` (printed at `line`, a return address) to `callee`: the
 * nearest call of that name at or above `line` in the caller's own body. `line` itself when
 * the caller or the call cannot be found in the source.
 */
export function callLine(file: GoFile | undefined, caller: string, callee: string, line: number): number {
  const name = parseClosureName(caller);
  const decl = file && name && findDeclaration(file, name.declaration);
  const fn = decl && name && literalAt(decl, name.path);
  const called = calledName(callee);
  if (!file || !fn || called === undefined) return line;
  const { first, last } = functionLines(file, fn);
  if (line < first || line > last) return line;
  const above = callLines(file, fn, called).filter((l) => l <= line);
  return above.length > 0 ? Math.max(...above) : line;
}

// One subtest level: which function the runner called, proven from the closure name Go
// printed, and the name the parent's `t.Run` call gave it. `TestX.func1.2` is the second
// literal inside the first literal of TestX; the source must agree that it is that literal
// (the printed line lies inside it and inside none of its siblings) and that it is passed to
// the parent's `t.Run` with a string literal. Lines alone cannot name it: a return address
// may point at the next statement, which is how `TestX/A2/A1` got reported for A/A1.
import type { Frame } from '../model.js';
import { findDeclaration, functionLines, literalAt, type GoFile, type GoFunction } from '../go-source/go-functions.js';
import { isTestingFunc, parseClosureName, type ClosureName } from './func-name.js';
import { rewriteSubtestName } from './subtest-name.js';
import { literalRunCall, namedRunCalls, type RunCall } from './subtest-source.js';

/** A level's function with the frame that showed it: where its code is. */
export interface ResolvedLevel {
  func: string;
  name: ClosureName;
  file: string;
  line: number;
}

type SourceOf = (absFile: string) => GoFile | undefined;

function functionOf(file: GoFile | undefined, name: ClosureName): GoFunction | undefined {
  const decl = file && findDeclaration(file, name.declaration);
  return decl && literalAt(decl, name.path);
}

function holds(file: GoFile, fn: GoFunction, line: number): boolean {
  const { first, last } = functionLines(file, fn);
  return first <= line && line <= last;
}

// A literal directly inside the parent: proven by its number and the printed line.
function literalCall(frame: Frame, name: ClosureName, parent: ResolvedLevel, source: SourceOf): RunCall | undefined {
  const file = source(frame.file);
  const parentFn = file && functionOf(file, parent.name);
  const literal = parentFn?.literals[(name.path.at(-1) ?? 0) - 1];
  if (!file || !parentFn || !literal || !holds(file, literal, frame.line)) return undefined;
  // Two literals on the printed line (`t.Run("a", f); t.Run("b", g)`) cannot be told apart by it.
  if (parentFn.literals.some((l) => l !== literal && holds(file, l, frame.line))) return undefined;
  return literalRunCall(file, parentFn, literal);
}

function isLiteralOf(name: ClosureName, parent: ClosureName): boolean {
  return (
    name.pkg === parent.pkg &&
    name.declaration === parent.declaration &&
    name.path.length === parent.path.length + 1 &&
    parent.path.every((n, i) => name.path[i] === n)
  );
}

/** A subtest level proven to be a child of its parent; `subtest` is its name when exactly one literal gives it. */
export interface ResolvedSubtest {
  level: ResolvedLevel;
  subtest?: string;
}

function fromCalls(level: ResolvedLevel, calls: RunCall[]): ResolvedSubtest | undefined {
  // Run on some other `t` (a captured outer one) would start a test elsewhere in the tree.
  if (calls.length === 0 || !calls.every((c) => c.onParent)) return undefined;
  const name = calls.length === 1 ? calls[0]?.name : undefined;
  return name === undefined ? { level } : { level, subtest: rewriteSubtestName(name) };
}

/**
 * The subtest one level below `parent`, from the candidate frames of that level (the frame
 * above the runner first): undefined when nothing proves which test it belongs to. A named
 * function (`t.Run("x", helper)`) is trusted only as the first candidate: a later frame is
 * something the subtest called, and might be a helper that a sibling subtest runs by name.
 */
export function resolveSubtest(
  candidates: Frame[],
  parent: ResolvedLevel,
  source: SourceOf,
): ResolvedSubtest | undefined {
  for (const [n, frame] of candidates.entries()) {
    const name = parseClosureName(frame.func);
    if (!name || isTestingFunc(frame.func)) continue;
    const level: ResolvedLevel = { func: frame.func, name, file: frame.file, line: frame.line };
    if (isLiteralOf(name, parent.name)) {
      const call = literalCall(frame, name, parent, source);
      return call ? fromCalls(level, [call]) : undefined;
    }
    if (n === 0 && name.path.length === 0) {
      const file = source(parent.file);
      const parentFn = functionOf(file, parent.name);
      const calls = file && parentFn ? namedRunCalls(file, parentFn, name.declaration.split('.').pop() ?? '') : [];
      // Not run by name: an inlined callee printed in place of the subtest's own frame.
      if (calls.length > 0) return fromCalls(level, calls);
    }
  }
  return undefined;
}

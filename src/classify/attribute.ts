// Which test started a goroutine, read from its own stack and its GODEBUG=tracebackancestors
// ancestors. Never guesses: a subtest name is given only when the chain, the closure names Go
// printed and the source agree; otherwise the longest proven prefix (`TestX/A`, `TestX`), and
// only then `unknown`.
import type { Attribution, CreatedBy, Frame, Goroutine } from '../model.js';
import { findDeclaration, functionLines, type GoFile } from '../go-source/go-functions.js';
import {
  declaredName,
  isInitFunc,
  isTestingFunc,
  parseClosureName,
  splitFuncName,
  testPackagePrefixes,
} from './func-name.js';
import type { RanTests } from './ran-tests.js';
import { resolveSubtest, type ResolvedLevel } from './resolve-subtest.js';

/** What attribution needs besides the goroutine. */
export interface AttributionContext {
  importPath: string;
  /** The parsed Go file at an absolute path; undefined when it cannot be read. */
  goFile: (absFile: string) => GoFile | undefined;
  /** The tests that ran, from the `go test -json` stream. */
  ran: RanTests;
}

interface Stack {
  frames: Frame[];
  createdBy?: CreatedBy;
  goroutine?: number;
  truncated: boolean;
  ancestor: boolean;
}

/** A stack in which a testing runner called a test function: the frames that may name that function. */
interface Level {
  stack: number;
  /** The frame above the runner first, then the frames it called (see candidatesOf). */
  candidates: Frame[];
}

// Functions of the testing package that call a test, benchmark, fuzz target or example.
const RUNNERS = new Set(['testing.tRunner', 'testing.fRunner', 'testing.(*B).runN', 'testing.runExample']);
// Functions that run the top-level tests; seeing one above a test level proves it is top-level.
const MAIN_RUNNERS = [
  'testing.runTests',
  'testing.runFuzzTests',
  'testing.runFuzzing',
  'testing.runBenchmarks',
  'testing.runExamples',
  'testing.(*M).Run',
];
const MAIN_GOROUTINE_FUNCS = new Set(['main.main', 'runtime.main', 'runtime.doInit', 'runtime.doInit1']);

function stacksOf(g: Goroutine): Stack[] {
  const own: Stack = {
    frames: g.frames,
    truncated: g.framesElided > 0,
    ancestor: false,
    ...(g.createdBy ? { createdBy: g.createdBy } : {}),
  };
  return [own, ...g.ancestors.map((a) => ({ ...a, ancestor: true }))];
}

function funcsOf(s: Stack): string[] {
  return [...s.frames.map((f) => f.func), ...(s.createdBy ? [s.createdBy.func] : [])];
}

// Ancestor frames are printed from return addresses, one function per address and without the
// functions inlined around it (golang/go#22289 added the feature; no issue tracks this). So
// the frame above the runner may name a function inlined into the test at the return address
// (go-cache's New, timeout-system.txt's netip.MustParseAddr), and the test's own name may show
// on a frame further up. The first frame of an ancestor is its `go` statement, which the
// child's `created by` line names exactly.
function candidatesOf(stacks: Stack[], k: number, i: number): Frame[] {
  const s = stacks[k] as Stack;
  const creator = s.ancestor ? stacks[k - 1]?.createdBy : undefined;
  const first: Frame | undefined = creator
    ? { func: creator.func, args: '', file: creator.file, line: creator.line }
    : s.frames[0];
  return [...s.frames.slice(1, i + 1).reverse(), ...(first ? [first] : [])];
}

function levelIn(stacks: Stack[], k: number): Level | undefined {
  const s = stacks[k] as Stack;
  const i = s.frames.findIndex((_, n) => RUNNERS.has(s.frames[n + 1]?.func ?? ''));
  if (i < 0) return undefined;
  const candidates = candidatesOf(stacks, k, i);
  // A runner calling a function of the testing package is the runner's own plumbing (runTests.func1).
  return candidates[0] && !isTestingFunc(candidates[0].func) ? { stack: k, candidates } : undefined;
}

function isMainRunnerIn(stacks: Stack[], from: number): boolean {
  const isMain = (f: string): boolean => MAIN_RUNNERS.some((m) => f === m || f.startsWith(`${m}.`));
  return stacks.slice(from).some((s) => funcsOf(s).some(isMain));
}

function reachesMainGoroutine(stacks: Stack[]): boolean {
  const startsOnMain = (f: string): boolean =>
    MAIN_GOROUTINE_FUNCS.has(f) || isInitFunc(f) || declaredName(splitFuncName(f).name) === 'TestMain';
  return stacks.some((s) => funcsOf(s).some(startsOnMain) || (s.ancestor && s.goroutine === 1 && !s.truncated));
}

// The top-level test of the outermost level: the first candidate that belongs to a declared
// Test/Fuzz/Benchmark/Example function of this package. A closure can only stand for the
// function it is declared in (top-level tests are never closures); a frame other than the
// first must lie inside that declaration, checked in the source.
function resolveTop(level: Level, ctx: AttributionContext): ResolvedLevel | undefined {
  const prefixes = testPackagePrefixes(ctx.importPath);
  for (const [n, frame] of level.candidates.entries()) {
    const name = parseClosureName(frame.func);
    if (!name || !prefixes.includes(name.pkg) || !/^(Test|Fuzz|Benchmark|Example)[^.()]*$/.test(name.declaration))
      continue;
    const resolved: ResolvedLevel = {
      func: `${name.pkg}.${name.declaration}`,
      name,
      file: frame.file,
      line: frame.line,
    };
    if (n === 0) return resolved;
    const file = ctx.goFile(frame.file);
    const decl = file && findDeclaration(file, name.declaration);
    const lines = file && decl && functionLines(file, decl);
    if (lines && lines.first <= frame.line && frame.line <= lines.last) return resolved;
  }
  return undefined;
}

/** The test (and the proven part of its subtest path) that started `g`; `package` for init/TestMain, else `unknown`. */
export function attribute(g: Goroutine, ctx: AttributionContext): Attribution {
  const stacks = stacksOf(g);
  const levels = stacks.map((_, k) => levelIn(stacks, k)).filter((l): l is Level => l !== undefined);
  const outer = levels[levels.length - 1];
  if (!outer) return reachesMainGoroutine(stacks) ? { kind: 'package' } : { kind: 'unknown' };
  const top = resolveTop(outer, ctx);
  if (!top || !isMainRunnerIn(stacks, outer.stack)) return { kind: 'unknown' };
  const test = top.name.declaration;
  const names: string[] = [];
  let naming = true;
  let parent = top;
  for (let j = levels.length - 2; j >= 0; j--) {
    const child = resolveSubtest((levels[j] as Level).candidates, parent, ctx.goFile);
    // Unproven: that t.Run may have been called on any enclosing test's `t` (a captured outer
    // one starts a sibling), so no subtest name above it is known either.
    if (!child) return { kind: 'test', test };
    // A name is given only for a subtest that ran under it, and that Go did not have to
    // suffix (`#01`) because a loop or a second call reused it; deeper levels must still be
    // proven children for the prefix to hold.
    const full = [test, ...names, child.subtest].join('/');
    if (naming && child.subtest !== undefined && ctx.ran.unique(full)) names.push(child.subtest);
    else naming = false;
    parent = child.level;
  }
  return names.length > 0 ? { kind: 'test', test, subtest: names.join('/') } : { kind: 'test', test };
}

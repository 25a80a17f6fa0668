// Which test started a goroutine, read from its own stack and its GODEBUG=tracebackancestors
// ancestors. Never guesses: whatever the chain does not prove is `unknown`.
import type { Attribution, CreatedBy, Frame, Goroutine } from '../model.js';
import { declaredName, isInitFunc, isTestingFunc, splitFuncName, testPackagePrefixes } from './func-name.js';
import { rewriteSubtestName } from './subtest-name.js';
import { literalSubtestName, namedSubtestName } from './subtest-source.js';

/** What attribution needs besides the goroutine. */
export interface AttributionContext {
  importPath: string;
  /** Reads a Go source file by absolute path; undefined when it cannot be read. */
  readSource: (absFile: string) => string | undefined;
}

interface Stack {
  frames: Frame[];
  createdBy?: CreatedBy;
  goroutine?: number;
  truncated: boolean;
  ancestor: boolean;
}

interface TestLevel {
  stack: number;
  func: string;
  frame: Frame;
}

// Functions of the testing package that call a test, benchmark, fuzz target or example.
const RUNNERS = new Set(['testing.tRunner', 'testing.fRunner', 'testing.(*B).runN', 'testing.runExample']);
// Functions that run the top-level tests; seeing one above a test level proves it is top-level.
const MAIN_RUNNERS = ['testing.runTests', 'testing.runFuzzTests', 'testing.runFuzzing', 'testing.runBenchmarks', 'testing.runExamples', 'testing.(*M).Run'];
const MAIN_GOROUTINE_FUNCS = new Set(['main.main', 'runtime.main', 'runtime.doInit', 'runtime.doInit1']);

function stacksOf(g: Goroutine): Stack[] {
  const own: Stack = { frames: g.frames, truncated: g.framesElided > 0, ancestor: false, ...(g.createdBy ? { createdBy: g.createdBy } : {}) };
  return [own, ...g.ancestors.map((a) => ({ ...a, ancestor: true }))];
}

function funcsOf(s: Stack): string[] {
  return [...s.frames.map((f) => f.func), ...(s.createdBy ? [s.createdBy.func] : [])];
}

// Ancestor frames are printed from return addresses without inline expansion, so the first
// frame may name a function inlined after the `go` statement; the creator's `created by`
// line names the real function. Observed in timeout-system.txt (net/netip.MustParseAddr);
// no upstream issue found, the feature is golang/go#22289.
function testLevelIn(stacks: Stack[], k: number): TestLevel | undefined {
  const s = stacks[k];
  const i = s?.frames.findIndex((f, n) => RUNNERS.has(s.frames[n + 1]?.func ?? '')) ?? -1;
  const frame = s?.frames[i];
  if (!s || !frame) return undefined;
  const func = (s.ancestor && i === 0 ? stacks[k - 1]?.createdBy?.func : undefined) ?? frame.func;
  return isTestingFunc(func) ? undefined : { stack: k, func, frame };
}

function isTopLevel(level: TestLevel, stacks: Stack[], importPath: string): boolean {
  const { pkg, name } = splitFuncName(level.func);
  if (!testPackagePrefixes(importPath).includes(pkg)) return false;
  if (!/^(Test|Fuzz|Benchmark|Example)/.test(declaredName(name))) return false;
  const isMain = (f: string): boolean => MAIN_RUNNERS.some((m) => f === m || f.startsWith(`${m}.`));
  return stacks.slice(level.stack).some((s) => funcsOf(s).some(isMain));
}

function reachesMainGoroutine(stacks: Stack[]): boolean {
  const startsOnMain = (f: string): boolean =>
    MAIN_GOROUTINE_FUNCS.has(f) || isInitFunc(f) || declaredName(splitFuncName(f).name) === 'TestMain';
  return stacks.some((s) => funcsOf(s).some(startsOnMain) || (s.ancestor && s.goroutine === 1 && !s.truncated));
}

function subtestName(child: TestLevel, parent: TestLevel, readSource: AttributionContext['readSource']): string | undefined {
  // A corrected first frame keeps the inlined callee's line, which says nothing about the literal.
  if (child.frame.func !== child.func) return undefined;
  if (child.func.startsWith(`${parent.func}.`)) {
    if (child.frame.file !== parent.frame.file) return undefined;
    const source = readSource(child.frame.file);
    const raw = source === undefined ? undefined : literalSubtestName(source, child.frame.line);
    return raw === undefined ? undefined : rewriteSubtestName(raw);
  }
  const short = child.func.replace(/-fm$/, '').split('.').pop() ?? '';
  const source = readSource(parent.frame.file);
  const raw = source === undefined ? undefined : namedSubtestName(source, short);
  return raw === undefined ? undefined : rewriteSubtestName(raw);
}

/** The test (and subtest, when its t.Run name is a literal) that started `g`, `package` for init/TestMain, else `unknown`. */
export function attribute(g: Goroutine, ctx: AttributionContext): Attribution {
  const stacks = stacksOf(g);
  const levels = stacks.map((_, k) => testLevelIn(stacks, k)).filter((l): l is TestLevel => l !== undefined);
  const top = levels[levels.length - 1];
  if (!top) return reachesMainGoroutine(stacks) ? { kind: 'package' } : { kind: 'unknown' };
  if (!isTopLevel(top, stacks, ctx.importPath)) return { kind: 'unknown' };
  const test = declaredName(splitFuncName(top.func).name);
  const names: string[] = [];
  for (let j = levels.length - 2; j >= 0; j--) {
    const name = subtestName(levels[j] as TestLevel, levels[j + 1] as TestLevel, ctx.readSource);
    if (name === undefined) break;
    names.push(name);
  }
  return names.length > 0 ? { kind: 'test', test, subtest: names.join('/') } : { kind: 'test', test };
}

/** `TestX`, `TestX/sub`, `package level` or `unknown`: how reports and baselines name an attribution. */
export function attributionName(a: Attribution): string {
  if (a.kind === 'package') return 'package level';
  if (a.kind === 'unknown') return 'unknown';
  return a.subtest === undefined ? a.test : `${a.test}/${a.subtest}`;
}

// Ignore rules applied to every goroutine of a large profile. The verdict is matchesRule's
// (src/classify/match-rule.ts), computed once per function name instead of once per goroutine:
// a goroutine is ignored when an `any` rule matches one of its frames, a `top` rule its first
// frame or its first frame outside the runtime, or a `created-by` rule its creator. A test
// checks both agree on every goroutine of the recorded dumps.
import { matchesFunc, matchesRule } from '../classify/match-rule.js';
import { isRuntimeInternal } from '../classify/top-function.js';
import type { Goroutine, IgnoreRule } from '../model.js';
import type { StackFrame } from './profile-types.js';

// The kinds of src/rule-kinds.ts decided here per function name; a kind added to that table
// later goes through matchesRule per goroutine, correct if slower, with no change here.
const CACHED: ReadonlySet<string> = new Set(['top', 'any', 'created-by']);

/** Which kinds of rule a function name satisfies, and whether reports skip it as runtime-internal. */
interface FuncFacts {
  any: boolean;
  top: boolean;
  createdBy: boolean;
  internal: boolean;
}

/** True when the rules drop a goroutine with these frames and this creator. */
export type RuleMatcher = (frames: readonly StackFrame[], createdBy: string | undefined) => boolean;

/** A matcher for one set of rules, caching per function name; no rules → never ignores. */
export function createRuleMatcher(rules: readonly IgnoreRule[]): RuleMatcher {
  if (rules.length === 0) return () => false;
  const generic = rules.filter((r) => !CACHED.has(r.kind));
  const facts = new Map<string, FuncFacts>();
  const of = (func: string): FuncFacts => {
    let f = facts.get(func);
    if (f === undefined) {
      const hit = (kind: IgnoreRule['kind']): boolean =>
        rules.some((r) => r.kind === kind && matchesFunc(r.func, func));
      f = { any: hit('any'), top: hit('top'), createdBy: hit('created-by'), internal: isRuntimeInternal(func) };
      facts.set(func, f);
    }
    return f;
  };
  return (frames, createdBy) => {
    if (createdBy !== undefined && of(createdBy).createdBy) return true;
    let topSeen = false;
    for (let i = 0; i < frames.length; i++) {
      const f = of((frames[i] as StackFrame).func);
      if (f.any) return true;
      // `top` sees the first frame, and the first one outside the runtime (or the first, when all are).
      if (!topSeen && (i === 0 || !f.internal)) {
        if (f.top) return true;
        if (!f.internal) topSeen = true;
      }
    }
    if (generic.length === 0) return false;
    const g = { frames, createdBy: createdBy === undefined ? undefined : { func: createdBy } } as unknown as Goroutine;
    return generic.some((r) => matchesRule(g, r));
  };
}

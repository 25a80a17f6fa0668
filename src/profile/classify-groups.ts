// One profile → goroutines blocked at each user-code location, LeakProf's unit of suspicion.
// Goroutines that are not blocked on a channel or sync operation are not suspects (IO wait,
// sleep, running), nor are those whose whole stack is the runtime's or the standard library's:
// idle net/http connections server and client side, runtime and stdlib workers. They are
// counted, not kept, as are goroutines that ignore rules drop. Ignore rules see only the rest,
// so a rule can never hide a user's handler blocked inside net/http's connection goroutine.
import { BUILTIN_IGNORES } from '../classify/builtin-ignores.js';
import { rulesForPackage } from '../classify/match-rule.js';
import type { IgnoreRule } from '../model.js';
import { isSuspectState } from './blocking-op.js';
import {
  locationKey,
  type GoroutineGroup,
  type LocationTally,
  type SnapshotTally,
  type StackFrame,
} from './profile-types.js';
import { createRuleMatcher, type RuleMatcher } from './rule-matcher.js';
import { isStdFrame, packagePath, userFrameIndex } from './std-frames.js';

/** The built-in rules, then the user's, in the order they are tried. */
export function profileRules(userRules: readonly IgnoreRule[]): IgnoreRule[] {
  return [...BUILTIN_IGNORES, ...userRules];
}

/** Adds groups one at a time; `tally` is complete once every group of the profile was added. */
export interface TallyBuilder {
  add: (group: GoroutineGroup) => void;
  tally: SnapshotTally;
}

/** A tally for one profile under these rules. */
export function createTally(rules: readonly IgnoreRule[]): TallyBuilder {
  const std = new Map<string, boolean>();
  const matchers = new Map<string, RuleMatcher>();
  const tally: SnapshotTally = { goroutines: 0, ignored: 0, notSuspect: 0, locations: new Map() };
  // Function → line → location: no key string is built per goroutine (a function lives in one file).
  const index = new Map<string, Map<number, LocationTally>>();
  const add = (group: GoroutineGroup): void => {
    tally.goroutines += group.count;
    const at = isSuspectState(group.state) ? userFrameIndex(group.frames, std) : -1;
    if (at < 0) {
      tally.notSuspect += group.count;
      return;
    }
    const pkg = packagePath((group.frames[at] as StackFrame).func);
    let ignores = matchers.get(pkg);
    if (ignores === undefined) {
      ignores = createRuleMatcher(rulesForPackage([...rules], pkg));
      matchers.set(pkg, ignores);
    }
    if (ignores(group.frames, group.createdBy?.func)) tally.ignored += group.count;
    else addAt(tally, index, group, at, std);
  };
  return { add, tally };
}

function addAt(
  tally: SnapshotTally,
  index: Map<string, Map<number, LocationTally>>,
  group: GoroutineGroup,
  at: number,
  std: Map<string, boolean>,
): void {
  const site = group.frames[at] as StackFrame;
  let lines = index.get(site.func);
  if (lines === undefined) {
    lines = new Map();
    index.set(own(site.func), lines);
  }
  let loc = lines.get(site.line);
  if (loc === undefined) {
    loc = newLocation(site);
    lines.set(site.line, loc);
    tally.locations.set(locationKey(loc.function, loc.file, loc.line), loc);
  }
  loc.count += group.count;
  const n = loc.states.get(group.state);
  // Kept strings are copied: a slice of a dump would keep the whole dump text alive.
  if (n === undefined) loc.states.set(own(group.state), group.count);
  else loc.states.set(group.state, n + group.count);
  if (group.leakedByGc) loc.proven += group.count;
  if (group.waitMinutes !== undefined && group.waitMinutes > (loc.maxWaitMinutes ?? -1))
    loc.maxWaitMinutes = group.waitMinutes;
  // The first group of the largest count shows the stack: a dump's groups are single goroutines,
  // so its first goroutine at the location stands for the others.
  if (group.count > loc.stackCount) {
    loc.stack = shownFrames(group.frames, std);
    loc.stackCount = group.count;
    if (group.createdBy !== undefined) loc.createdBy = ownFrame(group.createdBy);
    else delete loc.createdBy;
  }
}

function newLocation(site: StackFrame): LocationTally {
  return {
    function: own(site.func),
    file: own(site.file),
    line: site.line,
    count: 0,
    states: new Map(),
    proven: 0,
    stack: [],
    stackCount: 0,
  };
}

/** Frames from the first one outside the runtime: where a person starts reading. */
function shownFrames(frames: readonly StackFrame[], std: Map<string, boolean>): StackFrame[] {
  let i = 0;
  while (i < frames.length && isRuntimeFrame(frames[i] as StackFrame, std)) i++;
  return frames.slice(i === frames.length ? 0 : i).map(ownFrame);
}

function isRuntimeFrame(f: StackFrame, std: Map<string, boolean>): boolean {
  return (
    (f.func.startsWith('runtime.') || f.func.startsWith('internal/') || f.func.startsWith('sync.runtime_')) &&
    isStdFrame(f, std)
  );
}

function ownFrame(f: StackFrame): StackFrame {
  return { func: own(f.func), file: own(f.file), line: f.line };
}

// A flat copy of a string; V8 keeps slices of large strings as views into them.
function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

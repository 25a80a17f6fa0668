// One profile → goroutines blocked at each user-code location, LeakProf's unit of suspicion.
// Goroutines that are not blocked on a channel or sync operation are not suspects (IO wait,
// sleep, running), nor are those whose whole stack is the runtime's or the standard library's:
// idle net/http connections server and client side, runtime and stdlib workers. They are
// counted, not kept, as are goroutines that ignore rules drop. Ignore rules see only the rest,
// so a rule can never hide a user's handler blocked inside net/http's connection goroutine.
import { BUILTIN_IGNORES } from '../classify/builtin-ignores.js';
import { matchesRule, rulesForPackage } from '../classify/match-rule.js';
import type { Goroutine, IgnoreRule } from '../model.js';
import { isSuspectState } from './blocking-op.js';
import { locationKey, type GoroutineGroup, type SnapshotTally, type StackFrame } from './profile-types.js';
import { isStdFrame, packagePath, userFrameIndex } from './std-frames.js';

/** The built-in rules, then the user's, in the order they are tried. */
export function profileRules(userRules: readonly IgnoreRule[]): IgnoreRule[] {
  return [...BUILTIN_IGNORES, ...userRules];
}

/** Tallies one profile's groups by blocking location. */
export function classifyGroups(groups: readonly GoroutineGroup[], rules: readonly IgnoreRule[]): SnapshotTally {
  const std = new Map<string, boolean>();
  const byPackage = new Map<string, IgnoreRule[]>();
  const tally: SnapshotTally = { goroutines: 0, ignored: 0, notSuspect: 0, locations: new Map() };
  for (const group of groups) {
    tally.goroutines += group.count;
    const at = isSuspectState(group.state) ? userFrameIndex(group.frames, std) : -1;
    if (at < 0) {
      tally.notSuspect += group.count;
      continue;
    }
    const site = group.frames[at] as StackFrame;
    const pkg = packagePath(site.func);
    let pkgRules = byPackage.get(pkg);
    if (pkgRules === undefined) {
      pkgRules = rulesForPackage([...rules], pkg);
      byPackage.set(pkg, pkgRules);
    }
    if (ignored(group, pkgRules)) {
      tally.ignored += group.count;
      continue;
    }
    add(tally, group, at, std);
  }
  return tally;
}

function ignored(group: GoroutineGroup, rules: readonly IgnoreRule[]): boolean {
  // matchesRule reads only frames and createdBy; the rest of a Goroutine is not needed.
  const g = { frames: group.frames, createdBy: group.createdBy } as unknown as Goroutine;
  for (const r of rules) if (matchesRule(g, r)) return true;
  return false;
}

function add(tally: SnapshotTally, group: GoroutineGroup, at: number, std: Map<string, boolean>): void {
  const site = group.frames[at] as StackFrame;
  const key = locationKey(site.func, site.file, site.line);
  let loc = tally.locations.get(key);
  if (loc === undefined) {
    loc = { function: site.func, file: site.file, line: site.line, count: 0, states: new Map(), proven: 0, stack: [], stackCount: 0 };
    tally.locations.set(key, loc);
  }
  loc.count += group.count;
  loc.states.set(group.state, (loc.states.get(group.state) ?? 0) + group.count);
  if (group.leakedByGc) loc.proven += group.count;
  if (group.waitMinutes !== undefined && group.waitMinutes > (loc.maxWaitMinutes ?? -1)) loc.maxWaitMinutes = group.waitMinutes;
  // The first group of the largest count shows the stack: a dump's groups are single goroutines,
  // so its first goroutine at the location stands for the others.
  if (group.count > loc.stackCount) {
    loc.stack = shownFrames(group.frames, std);
    loc.stackCount = group.count;
    if (group.createdBy !== undefined) loc.createdBy = group.createdBy;
    else delete loc.createdBy;
  }
}

/** Frames from the first one outside the runtime: where a person starts reading. */
function shownFrames(frames: readonly StackFrame[], std: Map<string, boolean>): StackFrame[] {
  let i = 0;
  while (i < frames.length && isRuntimeFrame(frames[i] as StackFrame, std)) i++;
  return frames.slice(i === frames.length ? 0 : i).map((f) => ({ func: f.func, file: f.file, line: f.line }));
}

function isRuntimeFrame(f: StackFrame, std: Map<string, boolean>): boolean {
  return (f.func.startsWith('runtime.') || f.func.startsWith('internal/') || f.func.startsWith('sync.runtime_')) && isStdFrame(f, std);
}

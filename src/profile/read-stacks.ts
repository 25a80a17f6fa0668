// Goroutine stack dumps: `?debug=2`, crash and `-timeout` tracebacks, SIGQUIT dumps. The
// project's dump parser does the reading; this only turns its goroutines into groups.
import type { Goroutine } from '../model.js';
import { parseDump } from '../parse/goroutine-dump.js';
import type { GoroutineGroup, ReadProfile } from './profile-types.js';

/** True when the text holds at least one goroutine header line, as every dump does. */
export function looksLikeStacks(text: string): boolean {
  return text.startsWith('goroutine ') || text.includes('\ngoroutine ');
}

/** Parses a dump; every goroutine becomes a group of one, with its wait reason and minutes. */
export function readStacks(text: string): ReadProfile {
  const dump = parseDump(text);
  const groups = new Array<GoroutineGroup>(dump.goroutines.length);
  for (let i = 0; i < dump.goroutines.length; i++) groups[i] = toGroup(dump.goroutines[i] as Goroutine);
  const first = dump.warnings.slice(0, 10).map((w) => `line ${w.line}: ${w.message}`);
  // goroutineleak?debug=2 prints every goroutine, the leaked ones marked: a goroutine profile all the same.
  return { format: 'debug=2', kind: 'goroutine', groups, warnings: { count: dump.warnings.length, first } };
}

// Field by field, sharing the parser's frames (a Frame is a StackFrame with arguments):
// this runs once per goroutine of dumps with 100,000 of them.
function toGroup(g: Goroutine): GoroutineGroup {
  const group: GoroutineGroup = { count: g.folded?.count ?? 1, state: g.state, frames: g.frames, leakedByGc: g.leakedByGc };
  if (g.waitMinutes !== undefined) group.waitMinutes = g.waitMinutes;
  if (g.createdBy !== undefined) group.createdBy = g.createdBy;
  return group;
}

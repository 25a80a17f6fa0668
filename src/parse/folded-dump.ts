// The check's folded groups → one Dump: each group's stack is parsed once and stands for
// all of its goroutines, so a leak of 100,000 goroutines costs one parse.
import type { Dump, FoldedGoroutines } from '../model.js';
import { parseDump } from './goroutine-dump.js';

/** Parses every group's stack; parser warnings are kept, numbered by group. */
export function parseFoldedDump(groups: FoldedGoroutines[], parse: (text: string) => Dump = parseDump): Dump {
  const dump: Dump = { goroutines: [], warnings: [] };
  groups.forEach((group, index) => {
    const parsed = parse(group.stack);
    for (const w of parsed.warnings) dump.warnings.push({ ...w, message: `group ${index + 1}: ${w.message}` });
    const [first] = parsed.goroutines;
    if (first)
      dump.goroutines.push({
        ...first,
        folded: { count: group.n, ids: group.ids.length > 0 ? group.ids : [first.id] },
      });
  });
  return dump;
}

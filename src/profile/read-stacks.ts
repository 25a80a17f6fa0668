// Goroutine stack dumps: `?debug=2`, crash and `-timeout` tracebacks, SIGQUIT dumps. The
// project's dump parser does the reading, a few megabytes at a time: the goroutines of one
// piece are handed on and dropped before the next is parsed, so a dump of 100,000 goroutines
// never holds them all at once (and the garbage collector only ever sees short-lived objects).
import type { Goroutine } from '../model.js';
import { parseDump } from '../parse/goroutine-dump.js';
import { addWarning, type GoroutineGroup, type GroupSink, type ReadProfile } from './profile-types.js';

/**
 * Characters parsed at a time, cut at the goroutine boundary that follows. Measured on a
 * 100,000-goroutine dump (77 MB): 1 MiB pieces keep node's peak RSS at 190 MB, 4 MiB pieces
 * let the parsed goroutines outlive the young generation and peak at 335 MB.
 */
const CHUNK_CHARS = 1024 * 1024;

const BOUNDARY = '\n\ngoroutine ';

/** True when the text holds at least one goroutine header line, as every dump does. */
export function looksLikeStacks(text: string): boolean {
  return text.startsWith('goroutine ') || text.includes('\ngoroutine ');
}

/** Parses a dump into `sink`, every goroutine a group of one with its wait reason and minutes. */
export function readStacks(text: string, sink: GroupSink, chunkChars = CHUNK_CHARS): ReadProfile {
  const warnings = { count: 0, first: [] as string[] };
  let start = 0;
  let linesBefore = 0;
  let counted = 0;
  while (start < text.length) {
    const cut = text.indexOf(BOUNDARY, start + chunkChars);
    // The piece ends after the blank line, so the next one starts at its goroutine header.
    const end = cut < 0 ? text.length : cut + 2;
    const dump = parseDump(text.slice(start, end));
    for (const g of dump.goroutines) sink(toGroup(g));
    if (dump.warnings.length > 0) {
      // Line numbers are the piece's; count the lines before it only when there is something to say.
      linesBefore += countLines(text, counted, start);
      counted = start;
      for (const w of dump.warnings) addWarning(warnings, `line ${w.line + linesBefore}: ${w.message}`);
    }
    start = end;
  }
  // goroutineleak?debug=2 prints every goroutine, the leaked ones marked: a goroutine profile all the same.
  return { format: 'debug=2', kind: 'goroutine', warnings };
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// Field by field, sharing the parser's frames (a Frame is a StackFrame with arguments):
// this runs once per goroutine of dumps with 100,000 of them.
function toGroup(g: Goroutine): GoroutineGroup {
  const group: GoroutineGroup = {
    count: g.folded?.count ?? 1,
    state: g.state,
    frames: g.frames,
    leakedByGc: g.leakedByGc,
  };
  if (g.waitMinutes !== undefined) group.waitMinutes = g.waitMinutes;
  if (g.createdBy !== undefined) group.createdBy = g.createdBy;
  return group;
}

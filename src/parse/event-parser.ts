// A run's line parser: parseEventLine with a fast path for the line a chatty test prints millions
// of times, `{"Time":"…","Action":"output","Package":"…","Test":"…","Output":"…"}` (test2json's
// field order; Test absent for package output). Everything between the Time and the Output value
// repeats for each (Package, Test): it is checked once with JSON.parse and remembered, so only the
// Output string is decoded. Any other shape, or anything the fast path is unsure of, goes to
// parseEventLine, and the result is always what parseEventLine returns (test/fuzz/event-parser).
import type { GoTestEvent, ParseWarning } from '../model.js';
import { parseEventLine } from './event-line.js';

const TIME_PREFIX = '{"Time":"';
// Cannot occur inside a JSON string: its first quote would end the string (inside one, `"` is `\"`).
const OUTPUT_KEY = ',"Output":"';
// Distinct (Package, Test) middles remembered; past this the memo starts over.
const MAX_MIDDLES = 4096;

/** The fields of an output event that repeat: Package, and Test when the output is a test's. */
interface Middle {
  Package: string;
  Test: string | undefined;
}

/** Parses the stream's lines; create one per run (it remembers the tests it has seen). */
export type EventParser = (line: string, lineNo?: number) => GoTestEvent | ParseWarning;

/** Creates a parser that returns exactly what parseEventLine returns, faster for repeated output events. */
export function createEventParser(): EventParser {
  const memo = new Map<string, Middle | null>();
  // The middle of the previous line: consecutive lines are mostly one test's, and comparing is cheaper than a lookup.
  let lastText = '';
  let last: Middle | null = null;
  const middleOf = (line: string, from: number, to: number): Middle | null => {
    const text = line.slice(from, to);
    if (text === lastText) return last;
    let middle = memo.get(text);
    if (middle === undefined) {
      middle = readMiddle(text);
      if (memo.size >= MAX_MIDDLES) memo.clear();
      // Kept as a copy: the slice would keep alive the whole chunk of the stream it was cut from.
      memo.set(JSON.parse(JSON.stringify(text)) as string, middle);
    }
    lastText = text;
    last = middle;
    return middle;
  };
  // The Time value up to its closing quote, taken as is: so nothing JSON decodes (an escape) or rejects (a control character).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it must not match.
  const plainTime = /[^\u0000-\u001f"\\]*"/y;
  return (line, lineNo = 0) => fastOutputEvent(line, plainTime, middleOf) ?? parseEventLine(line, lineNo);
}

/** The output event in `line` when it has the usual shape, else undefined (the caller parses it in full). */
function fastOutputEvent(
  line: string,
  plainTime: RegExp,
  middleOf: (line: string, from: number, to: number) => Middle | null,
): GoTestEvent | undefined {
  if (!line.startsWith(TIME_PREFIX)) return undefined;
  plainTime.lastIndex = TIME_PREFIX.length;
  if (!plainTime.test(line)) return undefined;
  const timeEnd = plainTime.lastIndex - 1;
  const outputAt = line.indexOf(OUTPUT_KEY, timeEnd + 1);
  // The Output value runs from its opening quote to the quote before the closing brace.
  const valueStart = outputAt + OUTPUT_KEY.length - 1;
  if (outputAt < 0 || valueStart > line.length - 3 || !line.endsWith('"}')) return undefined;
  const middle = middleOf(line, timeEnd + 1, outputAt);
  if (middle === null) return undefined;
  let output: unknown;
  try {
    // Starts and ends with a quote, so it parses as exactly one string or throws.
    output = JSON.parse(line.slice(valueStart, line.length - 1));
  } catch {
    return undefined;
  }
  if (typeof output !== 'string') return undefined;
  const Time = line.slice(TIME_PREFIX.length, timeEnd);
  const { Package, Test } = middle;
  return Test === undefined
    ? { Time, Action: 'output', Package, Output: output }
    : { Time, Action: 'output', Package, Test, Output: output };
}

/**
 * Reads `,"Action":"output","Package":"…"[,"Test":"…"]`, the members between Time and Output.
 * Parsed on their own, they give the values JSON.parse gives them in the whole line: members
 * parse the same in any object, and no other key may be among them (a second Time or Output
 * would take the place of the line's own), so the key set is checked, in test2json's order.
 */
function readMiddle(text: string): Middle | null {
  if (!text.startsWith(',')) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(`{${text.slice(1)}}`);
  } catch {
    return null;
  }
  const r = raw as Record<string, unknown>;
  if (r.Action !== 'output' || typeof r.Package !== 'string') return null;
  const keys = Object.keys(r).join(',');
  if (keys === 'Action,Package') return { Package: r.Package, Test: undefined };
  if (keys === 'Action,Package,Test' && typeof r.Test === 'string') return { Package: r.Package, Test: r.Test };
  return null;
}

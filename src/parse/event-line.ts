// One line of `go test -json` output → one event. Lines that are not events
// (stderr noise, a truncated write) become warnings instead of errors.
import { z } from 'zod';
import type { GoTestEvent, ParseWarning } from '../model.js';

// Unknown fields (OutputType, …) are dropped: the fold only needs these.
const eventSchema = z.object({
  Time: z.string().optional(),
  Action: z.string(),
  Package: z.string().optional(),
  ImportPath: z.string().optional(),
  Test: z.string().optional(),
  Output: z.string().optional(),
  Elapsed: z.number().optional(),
  FailedBuild: z.string().optional(),
});

const MAX_WARNING_TEXT = 200;

/** Parses one line of the stream; `lineNo` only labels the warning. */
export function parseEventLine(line: string, lineNo = 0): GoTestEvent | ParseWarning {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const warning = (message: string): ParseWarning => ({ line: lineNo, text: text.slice(0, MAX_WARNING_TEXT), message });
  if (!text.startsWith('{')) return warning('not a go test -json event');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return warning('malformed JSON');
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) return warning('JSON object is not a go test event');
  const event: GoTestEvent = { Action: parsed.data.Action };
  for (const key of ['Time', 'Package', 'ImportPath', 'Test', 'Output', 'Elapsed', 'FailedBuild'] as const) {
    if (parsed.data[key] !== undefined) Object.assign(event, { [key]: parsed.data[key] });
  }
  return event;
}

/** Tells a warning from an event in parseEventLine's result. */
export function isParseWarning(x: GoTestEvent | ParseWarning): x is ParseWarning {
  return 'message' in x && !('Action' in x);
}

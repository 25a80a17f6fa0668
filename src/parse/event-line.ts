// One line of `go test -json` output → one event. Lines that are not events
// (stderr noise, a truncated write) become warnings instead of errors.
import type { GoTestEvent, ParseWarning } from '../model.js';

// Checked by hand rather than with a schema library, and in place rather than copied: a
// chatty test prints millions of lines, each one event. Unknown fields (OutputType, …) stay
// on the object; the fold only reads these.
const STRING_FIELDS = ['Time', 'Package', 'ImportPath', 'Test', 'Output', 'FailedBuild'] as const;

function toEvent(raw: unknown): GoTestEvent | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.Action !== 'string') return undefined;
  for (const key of STRING_FIELDS) {
    const value = r[key];
    if (value !== undefined && typeof value !== 'string') return undefined;
  }
  if (r.Elapsed !== undefined && typeof r.Elapsed !== 'number') return undefined;
  return r as unknown as GoTestEvent;
}

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
  return toEvent(raw) ?? warning('JSON object is not a go test event');
}

/** Tells a warning from an event in parseEventLine's result. */
export function isParseWarning(x: GoTestEvent | ParseWarning): x is ParseWarning {
  return 'message' in x && !('Action' in x);
}

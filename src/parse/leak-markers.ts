// The marker protocol between the injected TestMain snippet and the driver
// (templates/check.go.tmpl writes them, one per line of stdout):
//   goleak-run:v1 clean waited=<ms> ignored=<n>   (ignored= is optional)
//   goleak-run:v1 begin waited=<ms>   …raw runtime.Stack dump…   goleak-run:v1 end

/** Prefix shared by every marker line. */
export const MARKER_PREFIX = 'goleak-run:v1 ';

/** A recognised marker line. */
export type Marker =
  | { kind: 'clean'; waitedMs: number; ignored?: number }
  | { kind: 'begin'; waitedMs: number }
  | { kind: 'end' };

/** Where a marker sits in a line: user code may have left a partial line just before it. */
export interface FoundMarker {
  marker: Marker;
  /** Text before the marker on the same line ('' normally). */
  before: string;
}

/** Finds a marker at the end of `line`; undefined when the line holds none. */
export function findMarker(line: string): FoundMarker | undefined {
  const at = line.indexOf(MARKER_PREFIX);
  if (at < 0) return undefined;
  const marker = parseMarker(line.slice(at + MARKER_PREFIX.length));
  return marker ? { marker, before: line.slice(0, at) } : undefined;
}

function parseMarker(rest: string): Marker | undefined {
  if (rest === 'end') return { kind: 'end' };
  for (const kind of ['clean', 'begin'] as const) {
    const head = `${kind} waited=`;
    if (!rest.startsWith(head)) continue;
    const [waited, ...more] = rest.slice(head.length).split(' ');
    const waitedMs = wholeNumber(waited);
    if (waitedMs === undefined) return undefined;
    if (kind === 'begin' || more.length === 0) return more.length === 0 ? { kind, waitedMs } : undefined;
    const ignored = more.length === 1 && more[0]?.startsWith('ignored=') ? wholeNumber(more[0].slice('ignored='.length)) : undefined;
    return ignored === undefined ? undefined : { kind, waitedMs, ignored };
  }
  return undefined;
}

function wholeNumber(digits: string | undefined): number | undefined {
  if (digits === undefined || digits.length === 0 || digits.length > 15) return undefined;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(digits);
}

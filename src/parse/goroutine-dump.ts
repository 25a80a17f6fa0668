// Parser for goroutine dumps: runtime.Stack(buf, true), crash tracebacks and the
// dump `go test -timeout` prints. One pass over the lines, constant work per line.
import type { Ancestor, Dump, Frame, Goroutine, ParseWarning } from '../model.js';
import { type GoroutineHeader, looksLikeHeader, parseGoroutineHeader } from './goroutine-header.js';
import {
  ANCESTOR_ELIDED,
  STACK_UNAVAILABLE,
  parseCallLine,
  parseCreatedByLine,
  parseElidedLine,
  parseLocationLine,
  parseOriginatingLine,
} from './frame-lines.js';

/** Past this many warnings the rest are counted, not kept: garbage input must not cost memory. */
const MAX_WARNINGS = 1000;
const MAX_WARNING_TEXT = 200;

type Pending = 'none' | 'frame' | 'created';

/** Parses a dump into goroutines; lines it cannot place become warnings, it never throws. */
export function parseDump(text: string): Dump {
  const goroutines: Goroutine[] = [];
  const warnings: ParseWarning[] = [];
  let dropped = 0;
  const warn = (line: number, lineText: string, message: string): void => {
    if (warnings.length >= MAX_WARNINGS) {
      dropped++;
      return;
    }
    warnings.push({ line, text: lineText.slice(0, MAX_WARNING_TEXT), message });
  };

  let g: Goroutine | undefined;
  // Where frames and created-by go: the goroutine itself or its latest ancestor block.
  let target: Goroutine | Ancestor | undefined;
  let pending: Pending = 'none';
  let lineNo = 0;

  const settlePending = (atLine: number): void => {
    if (pending === 'frame') warn(atLine, '', 'frame without a file:line location (truncated dump?)');
    else if (pending === 'created') warn(atLine, '', '"created by" without a file:line location (truncated dump?)');
    pending = 'none';
  };
  const endGoroutine = (atLine: number): void => {
    settlePending(atLine);
    g = undefined;
    target = undefined;
  };

  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let line = text.slice(pos, nl);
    if (line.charCodeAt(line.length - 1) === 13 /* \r */) line = line.slice(0, -1);
    const atEnd = nl === text.length;
    pos = nl + 1;
    lineNo++;
    if (atEnd && line === '') break;

    const first = line.charCodeAt(0);
    if (line === '') {
      endGoroutine(lineNo - 1);
      continue;
    }
    if (first === 9 /* \t */) {
      if (!target) warn(lineNo, line, 'location line outside a goroutine');
      else if (pending === 'frame') setLocation(lastFrame(target), line, lineNo, warn);
      else if (pending === 'created' && target.createdBy) setLocation(target.createdBy, line, lineNo, warn);
      else if (line !== STACK_UNAVAILABLE) warn(lineNo, line, 'location line without a frame');
      pending = 'none';
      continue;
    }
    if (pending !== 'none') settlePending(lineNo - 1);
    if (looksLikeHeader(line)) {
      endGoroutine(lineNo - 1);
      const parsed = parseGoroutineHeader(line);
      if (!parsed.ok) {
        warn(lineNo, line, parsed.error);
        continue;
      }
      for (const note of parsed.notes) warn(lineNo, line, note);
      g = newGoroutine(parsed.header);
      goroutines.push(g);
      target = g;
      continue;
    }
    if (!g || !target) {
      warn(lineNo, line, 'line outside a goroutine block');
      continue;
    }
    if (first === 91 /* [ */) {
      const ancestorId = parseOriginatingLine(line);
      if (ancestorId === undefined) warn(lineNo, line, 'unrecognised line in a goroutine block');
      else {
        target = { goroutine: ancestorId, frames: [], truncated: false };
        g.ancestors.push(target);
      }
      continue;
    }
    if (first === 46 /* . */ && line.startsWith('...')) {
      const elided = parseElidedLine(line);
      if (elided !== undefined && target === g) g.framesElided += elided;
      else if (line === ANCESTOR_ELIDED && target !== g) (target as Ancestor).truncated = true;
      else warn(lineNo, line, 'unexpected elision line');
      continue;
    }
    if (first === 99 /* c */ && line.startsWith('created by ')) {
      const created = parseCreatedByLine(line);
      if (!created) warn(lineNo, line, 'malformed "created by" line');
      else {
        target.createdBy = created;
        pending = 'created';
      }
      continue;
    }
    const call = parseCallLine(line);
    if (!call) {
      warn(lineNo, line, 'unrecognised line in a goroutine block');
      continue;
    }
    target.frames.push(call);
    pending = 'frame';
  }
  settlePending(lineNo);
  if (dropped > 0) warnings.push({ line: lineNo, text: '', message: `${dropped} more warnings not shown` });
  return { goroutines, warnings };
}

// Built field by field: object spread is several times slower in V8 and this runs per goroutine.
function newGoroutine(h: GoroutineHeader): Goroutine {
  const g: Goroutine = {
    id: h.id,
    state: h.state,
    lockedToThread: h.lockedToThread,
    durable: h.durable,
    leakedByGc: h.leakedByGc,
    labels: h.labels,
    frames: [],
    framesElided: 0,
    ancestors: [],
  };
  if (h.waitMinutes !== undefined) g.waitMinutes = h.waitMinutes;
  if (h.bubble !== undefined) g.bubble = h.bubble;
  return g;
}

function lastFrame(target: Goroutine | Ancestor): Frame {
  return target.frames[target.frames.length - 1] as Frame;
}

function setLocation(
  into: { file: string; line: number },
  line: string,
  lineNo: number,
  warn: (line: number, text: string, message: string) => void,
): void {
  if (!parseLocationLine(line, into)) warn(lineNo, line, 'malformed file:line location');
}

// The `?debug=1` text form of goroutine profiles:
//
//   goroutine profile: total 3053            (goroutineleak profile: … for the leak profile)
//   3000 @ 0x489b0e 0x4195bc 0x6aa168 0x491201
//   #	0x6aa167	main.startLookup.func1+0x27	/src/main.go:80
//   # labels: {"k":"v"}                       (only when the goroutines carry pprof labels)
//
// Leading runtime frames are not printed (runtime/pprof printStackRecord), so a record whose
// first printed frame is the user's was parked by the runtime directly: a channel operation.
import { HIDDEN_CHANNEL_OP, inferState } from './blocking-op.js';
import { addWarning, type GoroutineGroup, type GroupSink, type ReadProfile, type StackFrame } from './profile-types.js';

const HEADERS: ReadonlyArray<readonly [string, ReadProfile['kind']]> = [
  ['goroutine profile: total ', 'goroutine'],
  ['goroutineleak profile: total ', 'goroutineleak'],
];

/** The profile kind when `text` starts like a debug=1 goroutine profile. */
export function debug1Kind(text: string): ReadProfile['kind'] | undefined {
  for (const [prefix, kind] of HEADERS) if (text.startsWith(prefix)) return kind;
  return undefined;
}

/** Parses debug=1 text into `sink`; odd lines are counted as warnings, never thrown. */
export function readDebug1(text: string, sink: GroupSink): ReadProfile {
  const kind = debug1Kind(text) ?? 'goroutine';
  const warnings = { count: 0, first: [] as string[] };
  const warn = (lineNo: number, message: string): void => addWarning(warnings, `line ${lineNo}: ${message}`);
  let current: GoroutineGroup | undefined;
  const finish = (): void => {
    if (current !== undefined) {
      current.state = stateOf(current.frames);
      sink(current);
    }
    current = undefined;
  };
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '' || line === '\r') {
      finish();
      continue;
    }
    const at = line.indexOf(' @');
    if (line.charCodeAt(0) !== 35 /* # */ && at > 0) {
      finish();
      const count = Number(line.slice(0, at));
      if (!Number.isInteger(count) || count <= 0) warn(i + 1, 'record without a goroutine count');
      else current = { count, state: '', frames: [], leakedByGc: kind === 'goroutineleak' };
      continue;
    }
    if (line.startsWith('# labels:')) continue;
    if (line.startsWith('#\t')) {
      if (current === undefined) warn(i + 1, 'frame outside a record');
      else {
        const frame = parseFrameLine(line);
        if (frame === undefined) warn(i + 1, 'malformed frame line');
        else if (frame !== null) current.frames.push(frame);
      }
      continue;
    }
    warn(i + 1, 'unrecognised line');
  }
  finish();
  return { format: 'debug=1', kind, warnings };
}

// `#\t0xADDR\tfunc+0xOFF\tfile:line`; `#\t0x0` alone is an unsymbolised pc (null: skipped).
function parseFrameLine(line: string): StackFrame | null | undefined {
  const parts = line.split('\t').filter((p) => p !== '');
  if (parts.length === 2) return null;
  if (parts.length < 4) return undefined;
  const funcOff = parts[2] as string;
  const plus = funcOff.lastIndexOf('+0x');
  const func = plus > 0 ? funcOff.slice(0, plus) : funcOff;
  const loc = parts.slice(3).join('\t');
  const colon = loc.lastIndexOf(':');
  const lineNo = Number(loc.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(lineNo)) return undefined;
  return { func, file: loc.slice(0, colon), line: lineNo };
}

function stateOf(frames: StackFrame[]): string {
  const inferred = inferState(frames);
  if (inferred !== '') return inferred;
  const top = frames[0];
  // The runtime frames were hidden: only a runtime park (a channel operation) leaves the user's frame on top.
  return top !== undefined && !top.func.startsWith('runtime') ? HIDDEN_CHANNEL_OP : '';
}

// pprof protobuf goroutine profiles (`/debug/pprof/goroutine`, `goroutineleak`), decoded with
// pprof-format. Each sample is a set of identical goroutines; runtime frames are kept, so the
// wait reason is inferred from them.
import { Profile } from 'pprof-format';
import { inferState } from './blocking-op.js';
import type { GroupSink, ReadProfile, StackFrame } from './profile-types.js';

/** A decoded pprof profile that is not a goroutine profile; the message says what it is. */
export type PprofResult = { ok: true; profile: ReadProfile } | { ok: false; found: string };

const KINDS = new Set(['goroutine', 'goroutineleak']);

/** Decodes an uncompressed pprof protobuf into `sink`; `ok: false` with what was found when it is not a goroutine profile. */
export function readPprof(bytes: Uint8Array, sink: GroupSink): PprofResult {
  let p: Profile;
  try {
    p = Profile.decode(bytes);
  } catch {
    return { ok: false, found: 'data that is neither a pprof protobuf nor a goroutine dump' };
  }
  const strings = p.stringTable.strings;
  const str = (i: number | bigint): string => strings[Number(i)] ?? '';
  const types = p.sampleType.map((t) => str(t.type));
  const index = types.findIndex((t) => KINDS.has(t));
  if (index < 0) {
    if (types.length === 0 || (p.sample.length === 0 && p.location.length === 0)) {
      return { ok: false, found: 'data that is neither a pprof protobuf nor a goroutine dump' };
    }
    return { ok: false, found: `a pprof profile of ${types.join(', ')}` };
  }
  const kind = types[index] as ReadProfile['kind'];
  const functions = new Map<number, { name: string; file: string }>();
  for (const f of p.function) functions.set(Number(f.id), { name: str(f.name), file: str(f.filename) });
  const locations = new Map<number, StackFrame[]>();
  for (const loc of p.location) {
    // Inlined calls: the first line is the innermost function, the last the one it was inlined into.
    const frames = loc.line.map((l): StackFrame => {
      const fn = functions.get(Number(l.functionId));
      return { func: fn?.name ?? '?', file: fn?.file ?? '', line: Number(l.line) };
    });
    locations.set(Number(loc.id), frames);
  }
  let missing = 0;
  for (const sample of p.sample) {
    const count = Number(sample.value[index] ?? 0);
    if (count <= 0) continue;
    const frames: StackFrame[] = [];
    for (const id of sample.locationId) {
      const loc = locations.get(Number(id));
      if (loc === undefined) missing++;
      else for (const f of loc) frames.push(f);
    }
    sink({ count, state: inferState(frames), frames, leakedByGc: kind === 'goroutineleak' });
  }
  const first = missing > 0 ? [`${missing} sample locations missing from the location table`] : [];
  return { ok: true, profile: { format: 'pprof', kind, warnings: { count: missing, first } } };
}

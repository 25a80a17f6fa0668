// One profile, whatever form Go wrote it in: sniffs gzip, debug=1 text, stack dumps and
// pprof protobuf, in that order, and says what it found when it is none of them.
import { gunzipSync } from 'node:zlib';
import { debug1Kind, readDebug1 } from './read-debug1.js';
import { readPprof } from './read-pprof.js';
import { looksLikeStacks, readStacks } from './read-stacks.js';
import type { ReadProfile } from './profile-types.js';

/** A profile, or a description of what the bytes were instead (for `expected …, found …`). */
export type ReadResult = { ok: true; profile: ReadProfile } | { ok: false; found: string };

const MAX_SNIFF = 4096;

/** Reads profile bytes of any goroutine profile form; never throws. */
export function readProfile(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, found: 'an empty file' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let inflated: Uint8Array;
    try {
      inflated = gunzipSync(bytes);
    } catch {
      return { ok: false, found: 'a truncated or corrupt gzip stream' };
    }
    return readProfile(inflated);
  }
  if (isText(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
    if (debug1Kind(text) !== undefined) return { ok: true, profile: readDebug1(text) };
    if (looksLikeStacks(text)) return { ok: true, profile: readStacks(text) };
    return { ok: false, found: describeText(text) };
  }
  return readPprof(bytes);
}

// Protobuf starts with a field tag byte and holds binary lengths; text dumps are printable.
function isText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, MAX_SNIFF);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 9 || (b > 13 && b < 32) || b === 127) return false;
  }
  return true;
}

function describeText(text: string): string {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  return 'text without a goroutine header ("goroutine N [state]:")';
}

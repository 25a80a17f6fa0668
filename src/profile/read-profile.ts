// One profile, whatever form Go wrote it in: sniffs gzip, debug=1 text, stack dumps and
// pprof protobuf, in that order, and says what it found when it is none of them.
import { gunzipSync } from 'node:zlib';
import { debug1Kind, readDebug1 } from './read-debug1.js';
import { readPprof } from './read-pprof.js';
import { looksLikeStacks, readStacks } from './read-stacks.js';
import type { GroupSink, ReadProfile } from './profile-types.js';

/** A profile, or a description of what the bytes were instead (for `expected …, found …`). */
export type ReadResult = { ok: true; profile: ReadProfile } | { ok: false; found: string };

/**
 * The bytes to read, handed over: a text profile is decoded to a string and `bytes` is
 * cleared, so the buffer (77 MB for a 100,000-goroutine dump) can go while the text is parsed.
 */
export interface ProfileBytes {
  bytes?: Uint8Array;
}

const MAX_SNIFF = 4096;

/** Reads profile bytes of any goroutine profile form, its groups into `sink`; never throws. */
export function readProfile(input: ProfileBytes, sink: GroupSink): ReadResult {
  // No local holds the bytes past this switch: a text profile's buffer goes once decoded.
  switch (sniff(input.bytes)) {
    case 'empty':
      return { ok: false, found: 'an empty file' };
    case 'gzip': {
      const inflated = inflate(input);
      return inflated === undefined
        ? { ok: false, found: 'a truncated or corrupt gzip stream' }
        : readProfile(inflated, sink);
    }
    case 'text':
      return readText(takeText(input), sink);
    case 'binary':
      return readPprof(input.bytes as Uint8Array, sink);
  }
}

function sniff(bytes: Uint8Array | undefined): 'empty' | 'gzip' | 'text' | 'binary' {
  if (bytes === undefined || bytes.length === 0) return 'empty';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  return isText(bytes) ? 'text' : 'binary';
}

function inflate(input: ProfileBytes): ProfileBytes | undefined {
  try {
    const inflated = { bytes: gunzipSync(input.bytes as Uint8Array) };
    input.bytes = undefined;
    return inflated;
  } catch {
    return undefined;
  }
}

function takeText(input: ProfileBytes): string {
  const b = input.bytes as Uint8Array;
  input.bytes = undefined;
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

function readText(text: string, sink: GroupSink): ReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (debug1Kind(body) !== undefined) return { ok: true, profile: readDebug1(body, sink) };
  if (looksLikeStacks(body)) return { ok: true, profile: readStacks(body, sink) };
  return { ok: false, found: describeText(body) };
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

// Reads the recordings made by fixtures/profiles/regenerate.sh, and tallies them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { profileRules } from '../../src/profile/classify-groups.js';
import type { SnapshotTally } from '../../src/profile/profile-types.js';
import { tallyProfile } from '../../src/profile/tally-profile.js';

/** Absolute path of fixtures/profiles/recorded/. */
export const PROFILES_DIR = fileURLToPath(new URL('../../fixtures/profiles/recorded/', import.meta.url));

/** Bytes of one recording. */
export function recordedProfile(name: string): Buffer {
  return readFileSync(`${PROFILES_DIR}${name}`);
}

/** Tally of one recording under the built-in rules; throws when it does not read. */
export function tallyRecorded(name: string): SnapshotTally & { format: string; kind: string; warnings: number } {
  const r = tallyProfile({ bytes: recordedProfile(name) }, profileRules([]));
  if (!r.ok) throw new Error(`${name}: ${r.found}`);
  return { ...r.tally, format: r.profile.format, kind: r.profile.kind, warnings: r.profile.warnings.count };
}

/** `file:line function` → count, for compact assertions; file reduced to its base name. */
export function locationCounts(t: SnapshotTally): Record<string, number> {
  const out: Record<string, number> = {};
  for (const loc of t.locations.values())
    out[`${loc.file.slice(loc.file.lastIndexOf('/') + 1)}:${loc.line} ${loc.function}`] = loc.count;
  return out;
}

/** The service's send and pool locations in the recordings (lines of fixtures/profile-service/main.go when recorded). */
export const SEND = 'main.go:80 main.startLookup.func1';
export const POOL = 'main.go:60 main.startPool.func1';

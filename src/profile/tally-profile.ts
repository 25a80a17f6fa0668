// Reading and tallying in one pass: a profile's groups go straight from the reader into the
// tally, so no list of 100,000 goroutines is ever built.
import type { IgnoreRule } from '../model.js';
import { createTally } from './classify-groups.js';
import type { ReadProfile, SnapshotTally } from './profile-types.js';
import { type ProfileBytes, readProfile } from './read-profile.js';

/** A tallied profile, or what the bytes were instead. */
export type TallyResult = { ok: true; profile: ReadProfile; tally: SnapshotTally } | { ok: false; found: string };

/** Reads profile bytes of any form (handed over, see ProfileBytes) and tallies them under the rules; never throws. */
export function tallyProfile(input: ProfileBytes, rules: readonly IgnoreRule[]): TallyResult {
  const builder = createTally(rules);
  const read = readProfile(input, builder.add);
  return read.ok ? { ok: true, profile: read.profile, tally: builder.tally } : read;
}

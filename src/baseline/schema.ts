// Shape of the baseline file: strict, so a typo is an error rather than a lost field.
import { z } from 'zod';

const text = z.string().min(1, { error: 'a non-empty string' });
const fingerprint = z.string().regex(/^[0-9a-f]{16}$/, { error: '16 lowercase hex digits' });
const count = z.number().int().min(1, { error: 'a count of 1 or more' });

/** One `leaks:` entry of a version-2 file: a leak site and the tests that leaked it. */
const baselineEntrySchema = z.strictObject({
  fingerprint,
  package: text,
  count,
  tests: z.record(text, count).refine((t) => Object.keys(t).length > 0, { error: 'at least one test' }),
  state: text,
  top: text,
  createdBy: text.optional(),
  createdAt: text.optional(),
  legacy: z.literal(true).optional(),
});

/** The whole file, version 2 (written by this version). */
export const baselineSchema = z.strictObject({
  version: z.literal(2),
  leaks: z.array(baselineEntrySchema).nullable(),
});

/** One entry of a version-1 file: one test's share of a leak. */
const baselineV1EntrySchema = z.strictObject({
  fingerprint,
  package: text,
  test: text,
  count,
  state: text,
  top: text,
  createdBy: text.optional(),
  createdAt: text.optional(),
});

/** A version-1 file, read and migrated in memory. */
export const baselineV1Schema = z.strictObject({
  version: z.literal(1),
  leaks: z.array(baselineV1EntrySchema).nullable(),
});

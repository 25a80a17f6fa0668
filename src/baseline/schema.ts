// Shape of the baseline file: strict, so a typo is an error rather than a lost field.
import { z } from 'zod';

const text = z.string().min(1, { error: 'a non-empty string' });

/** One `leaks:` entry. */
export const baselineEntrySchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, { error: '16 lowercase hex digits' }),
  package: text,
  test: text,
  count: z.number().int().min(1, { error: 'a count of 1 or more' }),
  state: text,
  top: text,
  createdBy: text.optional(),
  createdAt: text.optional(),
});

/** The whole file. */
export const baselineSchema = z.strictObject({
  version: z.literal(1),
  leaks: z.array(baselineEntrySchema).nullable(),
});

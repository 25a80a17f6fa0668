// The config file's schema: strict objects, so a misspelt key is an error, not a silent default.
import { z } from 'zod';
import { configurableReporters, reporterKey } from '../report/reporters.js';
import { DURATION_HINT, isDuration, MAX_WAIT_LIMIT, MAX_WAIT_LIMIT_MS, parseDuration } from './duration.js';

const nonEmpty = z.string().trim().min(1, { error: 'a non-empty string' });

/** One `ignore:` entry: exactly one of top / any / createdBy, and why. */
export const ignoreEntrySchema = z
  .strictObject({
    top: nonEmpty.optional().describe('Ignore goroutines whose top function is this (trailing * = prefix).'),
    any: nonEmpty.optional().describe('Ignore goroutines with this function anywhere in their stack.'),
    createdBy: nonEmpty.optional().describe('Ignore goroutines started by this function.'),
    reason: nonEmpty.describe('Why these goroutines are not leaks; shown in reports.'),
    packages: z.array(nonEmpty).optional().describe('Go package patterns the rule is limited to (example.com/m/..., ./internal/...).'),
  })
  .superRefine((entry, ctx) => {
    const set = (['top', 'any', 'createdBy'] as const).filter((k) => entry[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'exactly one of top, any or createdBy', params: { found: set } });
    }
  });

/** `reporters:`, one key per configurable reporter of the registry: a path (`-` = stdout) or on/off. */
const reportersSchema = z.strictObject(
  Object.fromEntries(
    configurableReporters().map((r) => [
      reporterKey(r.name),
      (r.kind === 'file' ? nonEmpty : z.boolean()).optional().describe(r.configHelp ?? ''),
    ]),
  ) as Record<string, z.ZodOptional<z.ZodString | z.ZodBoolean>>,
);

/** The whole `.goleak-run.yaml`. */
export const configSchema = z
  .strictObject({
    version: z.literal(1).describe('Config format version.'),
    maxWait: z
      .union([z.string(), z.number().int().min(0)], { error: `${DURATION_HINT}, or whole milliseconds` })
      .refine((v) => typeof v === 'number' || isDuration(v), { error: `${DURATION_HINT}, or whole milliseconds`, abort: true })
      .refine((v) => (typeof v === 'number' ? v : parseDuration(v)) <= MAX_WAIT_LIMIT_MS, { error: `at most ${MAX_WAIT_LIMIT}` })
      .optional()
      .describe('How long leftover goroutines get to finish after the tests.'),
    baseline: nonEmpty.optional().describe('Baseline file, relative to this file (default goleak-baseline.yaml).'),
    reporters: reportersSchema.optional(),
    ignore: z.array(ignoreEntrySchema).optional().describe('Goroutines that are not leaks.'),
  })
  .describe('goleak-run configuration (.goleak-run.yaml)');

/** The config as the schema accepts it, before durations and rules are derived. */
export type RawConfig = z.infer<typeof configSchema>;

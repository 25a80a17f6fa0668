// The config file's schema: strict objects, so a misspelt key is an error, not a silent default.
import { z } from 'zod';
import { RULE_KIND_NAMES, RULE_KINDS } from '../rule-kinds.js';
import { configurableReporters, reporterKey } from '../report/reporters.js';
import { DURATION_HINT, isDuration, MAX_WAIT_LIMIT, MAX_WAIT_LIMIT_MS, parseDuration } from './duration.js';

const nonEmpty = z.string().trim().min(1, { error: 'a non-empty string' });

const kindKeys = RULE_KIND_NAMES.map((name) => RULE_KINDS[name].configKey);

/** One `ignore:` entry: exactly one rule-kind key (top / any / createdBy, from src/rule-kinds.ts), and why. */
export const ignoreEntrySchema = z
  .strictObject({
    ...(Object.fromEntries(
      RULE_KIND_NAMES.map((name) => [
        RULE_KINDS[name].configKey,
        nonEmpty.optional().describe(RULE_KINDS[name].description),
      ]),
    ) as Record<string, z.ZodOptional<z.ZodString>>),
    reason: nonEmpty.describe('Why these goroutines are not leaks; shown in reports.'),
    packages: z
      .array(nonEmpty)
      .optional()
      .describe('Go package patterns the rule is limited to (example.com/m/..., ./internal/...).'),
  })
  .superRefine((entry, ctx) => {
    const set = kindKeys.filter((k) => (entry as Record<string, unknown>)[k] !== undefined);
    if (set.length !== 1) {
      const list = `${kindKeys.slice(0, -1).join(', ')} or ${kindKeys.at(-1)}`;
      ctx.addIssue({ code: 'custom', message: `exactly one of ${list}`, params: { found: set } });
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
      .refine((v) => typeof v === 'number' || isDuration(v), {
        error: `${DURATION_HINT}, or whole milliseconds`,
        abort: true,
      })
      .refine((v) => (typeof v === 'number' ? v : parseDuration(v)) <= MAX_WAIT_LIMIT_MS, {
        error: `at most ${MAX_WAIT_LIMIT}`,
      })
      .optional()
      .describe('How long leftover goroutines get to finish after the tests.'),
    baseline: nonEmpty.optional().describe('Baseline file, relative to this file (default goleak-baseline.yaml).'),
    reporters: reportersSchema.optional(),
    ignore: z.array(ignoreEntrySchema).optional().describe('Goroutines that are not leaks.'),
  })
  .describe('goleak-run configuration (.goleak-run.yaml)');

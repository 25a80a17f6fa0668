// JSON Schema of the config for editors, generated from the zod schema so the two cannot drift.
// templates/config.schema.json is this output; test/config/json-schema.test.ts fails when it is
// stale. Regenerate with: UPDATE_CONFIG_SCHEMA=1 npx vitest run --config test/vitest.config.ts test/config
import { z } from 'zod';
import { RULE_KIND_NAMES, RULE_KINDS } from '../rule-kinds.js';
import { configSchema, ignoreEntrySchema } from './schema.js';

/** The schema document, with `exactly one rule-kind key` spelt out (a zod refinement has no JSON form). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema === ignoreEntrySchema) {
        ctx.jsonSchema.oneOf = RULE_KIND_NAMES.map((name) => ({ required: [RULE_KINDS[name].configKey] }));
      }
    },
  });
  return { ...schema, title: 'goleak-run config' };
}

/** The file text: two-space JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

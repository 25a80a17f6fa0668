// JSON Schema of the config for editors, generated from the zod schema so the two cannot drift.
// templates/config.schema.json is this output; test/config/json-schema.test.ts fails when it is
// stale. Regenerate with: UPDATE_CONFIG_SCHEMA=1 npx vitest run --config test/vitest.config.ts test/config
import { z } from 'zod';
import { configSchema, ignoreEntrySchema } from './schema.js';

/** The schema document, with `exactly one of top/any/createdBy` spelt out (a zod refinement has no JSON form). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema === ignoreEntrySchema) {
        ctx.jsonSchema.oneOf = ['top', 'any', 'createdBy'].map((k) => ({ required: [k] }));
      }
    },
  });
  return { ...schema, title: 'goleak-run config' };
}

/** The file text: two-space JSON with a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

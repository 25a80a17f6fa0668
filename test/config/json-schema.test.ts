import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchema, configJsonSchemaText } from '../../src/config/index.js';

const FILE = new URL('../../templates/config.schema.json', import.meta.url);

describe('templates/config.schema.json', () => {
  // UPDATE_CONFIG_SCHEMA=1 npx vitest run --config test/vitest.config.ts test/config
  if (process.env.UPDATE_CONFIG_SCHEMA === '1') writeFileSync(FILE, configJsonSchemaText());

  it('is the schema generated from the zod schema', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(configJsonSchemaText());
  });

  it('forbids unknown keys and requires exactly one matcher per ignore entry', () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean;
      properties: { ignore: { items: { oneOf: unknown[]; required: string[] } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.ignore.items.oneOf).toHaveLength(3);
    expect(schema.properties.ignore.items.required).toEqual(['reason']);
  });
});

// The config stage's public surface.

/** Parsing and the parsed shape. */
export { parseConfig } from './parse-config.js';
/** Config → rules and run defaults. */
export { configToRules, configDefaults } from './config-rules.js';
/** Reading from disk. */
export { loadConfig } from './load-config.js';
export { findConfig } from './find-config.js';
/** Go durations for --max-wait and maxWait. */
export { parseDuration } from './duration.js';
/** The generated JSON Schema. */
export { configJsonSchema, configJsonSchemaText } from './json-schema.js';

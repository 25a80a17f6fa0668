// Baseline YAML text → Baseline. Pure: the caller reads the file. Version-1 files are migrated
// in memory: each entry becomes a legacy entry matched by its old per-test fingerprint.
import { FileFormatError } from '../errors.js';
import { parseYaml, validateYaml } from '../config/yaml-file.js';
import { baselineSchema, baselineV1Schema } from './schema.js';
import type { Baseline, BaselineEntry } from './types.js';

function entries(yaml: ReturnType<typeof parseYaml>): BaselineEntry[] {
  const version = (yaml.value as { version?: unknown } | null)?.version;
  if (version === 1) {
    const raw = validateYaml(yaml, baselineV1Schema);
    return (raw.leaks ?? []).map(
      ({ test, ...e }): BaselineEntry => ({ ...e, tests: [{ name: test, count: e.count }], legacy: true }),
    );
  }
  const raw = validateYaml(yaml, baselineSchema);
  return (raw.leaks ?? []).map(
    ({ tests, ...e }): BaselineEntry => ({
      ...e,
      tests: Object.entries(tests).map(([name, n]) => ({ name, count: n })),
    }),
  );
}

/** Parses a baseline; syntax errors, wrong types, unknown keys, a cut-off file and duplicates throw FileFormatError. */
export function parseBaseline(text: string, file: string): Baseline {
  const yaml = parseYaml(text, file);
  const lastLine = text.replace(/\n+$/, '').split('\n').length;
  if (yaml.value === null || yaml.value === undefined) {
    throw new FileFormatError(file, 1, 'expected a baseline starting with version: 2, found an empty file');
  }
  // serializeBaseline always ends the document with `...`; without it the file was cut off.
  if (!yaml.doc.directives?.docEnd) {
    throw new FileFormatError(
      file,
      lastLine,
      'expected the end marker "..." as the last line, found the end of the file: it looks cut off',
    );
  }
  const leaks = entries(yaml);
  const firstLine = new Map<string, number>();
  leaks.forEach((entry, i) => {
    const line = yaml.lineAt(['leaks', i]);
    const first = firstLine.get(entry.fingerprint);
    if (first !== undefined) {
      throw new FileFormatError(
        file,
        line,
        `expected each fingerprint once, found ${entry.fingerprint} again (first at line ${first})`,
      );
    }
    firstLine.set(entry.fingerprint, line);
  });
  return { version: 2, leaks };
}

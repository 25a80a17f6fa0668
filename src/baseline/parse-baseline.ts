// Baseline YAML text → Baseline. Pure: the caller reads the file.
import { FileFormatError } from '../errors.js';
import { parseYaml, validateYaml } from '../config/yaml-file.js';
import { baselineSchema } from './schema.js';
import type { Baseline, BaselineEntry } from './types.js';

/** Parses a baseline; syntax errors, wrong types, unknown keys, a cut-off file and duplicates throw FileFormatError. */
export function parseBaseline(text: string, file: string): Baseline {
  const yaml = parseYaml(text, file);
  const lastLine = text.replace(/\n+$/, '').split('\n').length;
  if (yaml.value === null || yaml.value === undefined) {
    throw new FileFormatError(file, 1, 'expected a baseline starting with version: 1, found an empty file');
  }
  // serializeBaseline always ends the document with `...`; without it the file was cut off.
  if (!yaml.doc.directives?.docEnd) {
    throw new FileFormatError(file, lastLine, 'expected the end marker "..." as the last line, found the end of the file: it looks cut off');
  }
  const raw = validateYaml(yaml, baselineSchema);
  const leaks = (raw.leaks ?? []).map((e): BaselineEntry => ({ ...e }));
  const firstLine = new Map<string, number>();
  leaks.forEach((entry, i) => {
    const line = yaml.lineAt(['leaks', i]);
    const first = firstLine.get(entry.fingerprint);
    if (first !== undefined) {
      throw new FileFormatError(file, line, `expected each fingerprint once, found ${entry.fingerprint} again (first at line ${first})`);
    }
    firstLine.set(entry.fingerprint, line);
  });
  return { version: 1, leaks };
}

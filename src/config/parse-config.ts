// `.goleak-run.yaml` text → Config. Pure: the caller reads the file.
import { RULE_KIND_NAMES, RULE_KINDS } from '../rule-kinds.js';
import type { IgnoreRule } from '../model.js';
import { FileFormatError } from '../errors.js';
import { parseDuration } from './duration.js';
import { configSchema } from './schema.js';
import { parseYaml, validateYaml } from './yaml-file.js';

/** One ignore entry of the config, with the line it came from for messages. */
interface ConfigIgnore {
  kind: IgnoreRule['kind'];
  func: string;
  reason: string;
  packages?: string[];
  line: number;
}

/** A validated config file. */
export interface Config {
  file: string;
  version: 1;
  maxWaitMs?: number;
  baseline?: string;
  /** By reporter key (`json`, `githubAnnotations`): a path as written, or on/off. */
  reporters: Record<string, string | boolean>;
  ignore: ConfigIgnore[];
}

/** Parses and validates config text; any problem throws FileFormatError naming `file:line`. */
export function parseConfig(text: string, file: string): Config {
  const yaml = parseYaml(text, file);
  if (yaml.value === null || yaml.value === undefined) {
    throw new FileFormatError(file, 1, 'expected a mapping starting with version: 1, found an empty file');
  }
  const raw = validateYaml(yaml, configSchema);
  const ignore = (raw.ignore ?? []).map((entry, i): ConfigIgnore => {
    // The schema lets exactly one rule-kind key through.
    const keyed = entry as Record<string, unknown>;
    const kind = RULE_KIND_NAMES.find((name) => keyed[RULE_KINDS[name].configKey] !== undefined) ?? 'top';
    const func = String(keyed[RULE_KINDS[kind].configKey] ?? '');
    return {
      kind,
      func,
      reason: entry.reason,
      ...(entry.packages ? { packages: entry.packages } : {}),
      line: yaml.lineAt(['ignore', i]),
    };
  });
  return {
    file,
    version: 1,
    ...(raw.maxWait !== undefined
      ? { maxWaitMs: typeof raw.maxWait === 'number' ? raw.maxWait : parseDuration(raw.maxWait) }
      : {}),
    ...(raw.baseline !== undefined ? { baseline: raw.baseline } : {}),
    reporters: Object.fromEntries(
      Object.entries(raw.reporters ?? {}).filter((e): e is [string, string | boolean] => e[1] !== undefined),
    ),
    ignore,
  };
}

// Config → the ignore rules and defaults the run uses.
import path from 'node:path';
import type { IgnoreRule } from '../model.js';
import type { Config } from './parse-config.js';

// `./x/...` in a config means a directory of the module; rules match import paths.
function toImportPattern(pattern: string, modulePath: string | undefined): string {
  if (modulePath === undefined || !(pattern === '.' || pattern.startsWith('./'))) return pattern;
  const rest = pattern === '.' ? '' : pattern.slice(2).replace(/\/+$/, '');
  return rest === '' ? modulePath : `${modulePath}/${rest}`;
}

/** Ignore rules of the config (origin `config`); `./`-relative package patterns resolve against `modulePath`. */
export function configToRules(config: Config, modulePath?: string): IgnoreRule[] {
  return config.ignore.map((entry) => ({
    kind: entry.kind,
    func: entry.func,
    reason: entry.reason,
    origin: 'config',
    ...(entry.packages ? { packages: entry.packages.map((p) => toImportPattern(p, modulePath)) } : {}),
  }));
}

/** The config as run settings take it: reporter paths and the baseline stay relative to the config's directory. */
export function configDefaults(config: Config, modulePath?: string) {
  return {
    ...(config.maxWaitMs !== undefined ? { maxWaitMs: config.maxWaitMs } : {}),
    ...(config.baseline !== undefined ? { baseline: config.baseline } : {}),
    reporters: config.reporters,
    rules: configToRules(config, modulePath),
    dir: path.dirname(config.file),
  };
}

// I/O: reads the config file and the baseline before the run, so bad files fail fast with exit 2.
// The YAML and schema libraries are loaded only when there is a file to read: most runs have
// neither, and every run pays start-up time, a cached one most of all.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Baseline } from '../baseline/types.js';
import type { CliOptions } from '../cli/options.js';
import { configDefaults } from '../config/config-rules.js';
import { parseDuration } from '../config/duration.js';
import { findConfig } from '../config/find-config.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { buildSettings, type Settings } from './settings.js';

/** Settings and the baseline read from disk (undefined when there is none yet). */
export interface RunInputs {
  settings: Settings;
  baseline: Baseline | undefined;
}

/** Loads the config (unless --no-config), merges it with the CLI, and reads the baseline. */
export async function loadRunInputs(opts: {
  cli: CliOptions;
  flags: GoTestFlags;
  env: NodeJS.ProcessEnv;
  cwd: string;
  moduleDir: string;
  modulePath: string;
}): Promise<RunInputs> {
  const { cli } = opts;
  const configFile = cli.useConfig
    ? findConfig(opts.moduleDir, cli.config === undefined ? undefined : resolve(opts.cwd, cli.config))
    : undefined;
  const config =
    configFile === undefined
      ? undefined
      : (await import('../config/load-config.js')).loadConfig(opts.moduleDir, configFile);
  const settings = buildSettings({
    cli,
    flags: opts.flags,
    config: config ? configDefaults(config, opts.modulePath) : undefined,
    env: opts.env,
    cwd: opts.cwd,
    moduleDir: opts.moduleDir,
    parseDuration,
  });
  const path = settings.baselinePath;
  const baseline =
    path === undefined || !existsSync(path)
      ? undefined
      : await (await import('../baseline/baseline-file.js')).readBaseline(path);
  return { settings, baseline };
}

/**
 * Re-reads the baseline under its lock, lets `decide` choose what to write from the file as it
 * is now, and writes it atomically (the YAML writer loads only when there is something to write).
 */
export async function saveBaseline<T extends { write?: { baseline: Baseline } }>(
  path: string,
  decide: (current: Baseline | undefined) => T,
  lock: { pid: number; isRunning: (pid: number) => boolean },
): Promise<T> {
  const { updateBaselineFile } = await import('../baseline/baseline-file.js');
  return updateBaselineFile(path, decide, { ...lock, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
}

// I/O: reads the config file and the baseline before the run, so bad files fail fast with exit 2.
import { resolve } from 'node:path';
import type { CliOptions } from '../cli/options.js';
import { readBaseline, type Baseline } from '../baseline/index.js';
import { configDefaults, loadConfig, parseDuration } from '../config/index.js';
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
  const config = cli.useConfig
    ? loadConfig(opts.moduleDir, cli.config === undefined ? undefined : resolve(opts.cwd, cli.config))
    : undefined;
  const settings = buildSettings({
    cli,
    flags: opts.flags,
    config: config ? configDefaults(config, opts.modulePath) : undefined,
    env: opts.env,
    cwd: opts.cwd,
    moduleDir: opts.moduleDir,
    parseDuration,
  });
  const baseline = settings.baselinePath === undefined ? undefined : await readBaseline(settings.baselinePath);
  return { settings, baseline };
}

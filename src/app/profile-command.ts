// I/O shell of `goleak-run profile`: Node's fetch, file reads, timers, atomic writes and the
// config loader, handed to profileMain. Loaded only for the subcommand, so a test run never pays for it.
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { findConfig } from '../config/find-config.js';
import { writeReportFile } from '../report/write-report-file.js';
import { profileMain, type ProfileDeps } from './profile-main.js';

/** What the CLI entry hands over; the test run's MainDeps has all of it. */
export type ProfileEntryDeps = Pick<
  ProfileDeps,
  'argv' | 'env' | 'cwd' | 'stdout' | 'stderr' | 'now' | 'version' | 'onInterrupt'
>;

/** Runs `goleak-run profile …` (argv[0] is `profile`) with the real outside world. */
export function runProfileCommand(deps: ProfileEntryDeps): Promise<number> {
  return profileMain({
    argv: deps.argv.slice(1),
    env: deps.env,
    cwd: deps.cwd,
    stdout: deps.stdout,
    stderr: deps.stderr,
    now: deps.now,
    version: deps.version,
    onInterrupt: deps.onInterrupt,
    fetch: (url, init) => fetch(url, init),
    readFile: (file) => readFileSync(file),
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    writeFile: writeReportFile,
    // The YAML and schema libraries load only when there is a config to read.
    loadConfig: async (dir, explicit) => {
      if (findConfig(dir, explicit) === undefined) return undefined;
      const { loadConfig } = await import('../config/load-config.js');
      return loadConfig(dir, explicit);
    },
  });
}

// Checks, before any test runs, that every report file (and a baseline the run will write) can be
// written: a bad path must cost one line, not the whole run.
import { UsageError } from '../errors.js';
import { reportPathProblem } from '../report/write-report-file.js';
import type { Settings } from './settings.js';

/** Checks before the run that every report file, and a baseline it will write, can be written. */
export function checkReportPaths(
  settings: Pick<Settings, 'outputs' | 'goJson'> &
    Partial<Pick<Settings, 'baselinePath' | 'updateBaseline' | 'pruneBaseline'>>,
): void {
  const files = settings.outputs.map((o) => ({ ...o, append: o.reporter.append }));
  if (settings.goJson)
    files.push({ to: settings.goJson, source: '--go-json', append: false } as (typeof files)[number]);
  for (const { append, to, source } of files) {
    if (to.kind !== 'file') continue;
    const problem = reportPathProblem(to.path, { append });
    if (problem !== undefined)
      throw new UsageError(`expected ${source} ${to.path} to be a file it can write, found ${problem}`);
  }
  const baseline = settings.baselinePath;
  if (baseline === undefined || !(settings.updateBaseline || settings.pruneBaseline)) return;
  const problem = reportPathProblem(baseline, { append: false });
  if (problem !== undefined)
    throw new UsageError(`expected the baseline ${baseline} to be a file it can write, found ${problem}`);
}

// Pure: applies, updates or prunes the baseline for a finished run, and says what it wrote.
import { applyBaseline, pruneBaseline } from '../baseline/apply-baseline.js';
import { buildBaseline } from '../baseline/build-baseline.js';
import { runScopeOf } from '../baseline/scope.js';
import type { Baseline } from '../baseline/types.js';
import type { PackageReport, PackageRun, StaleEntry } from '../model.js';
import type { Settings } from './settings.js';

/** Packages with known/new marks, stale entries, and the baseline to write (if any) with a message. */
export interface BaselineOutcome {
  packages: PackageReport[];
  stale: StaleEntry[];
  write?: { baseline: Baseline; message: string };
}

/** Decides the baseline side of the run: --update-baseline, --prune-baseline, or a plain comparison. */
export function baselineStep(opts: {
  packages: PackageReport[];
  runs: PackageRun[];
  baseline: Baseline | undefined;
  settings: Settings;
}): BaselineOutcome {
  const { settings } = opts;
  const path = settings.baselinePath;
  if (path === undefined) return { packages: opts.packages, stale: [] };
  const scope = runScopeOf(opts.runs, { partialTests: settings.partialTests });
  if (settings.updateBaseline) {
    const next = buildBaseline(opts.packages, opts.baseline, scope);
    const applied = applyBaseline(opts.packages, next, scope);
    const goroutines = next.leaks.reduce((n, e) => n + e.count, 0);
    const before = opts.baseline?.leaks.length;
    const message =
      `wrote ${next.leaks.length} baseline entr${next.leaks.length === 1 ? 'y' : 'ies'} (${goroutines} goroutine${goroutines === 1 ? '' : 's'}) to ${path}` +
      (before === undefined ? '' : `, was ${before}`);
    return { ...applied, write: { baseline: next, message } };
  }
  if (opts.baseline === undefined) return { packages: opts.packages, stale: [] };
  const applied = applyBaseline(opts.packages, opts.baseline, scope);
  if (settings.pruneBaseline && applied.stale.length > 0) {
    const pruned = pruneBaseline(opts.baseline, applied.stale);
    const n = applied.stale.length;
    return {
      packages: applied.packages,
      stale: [],
      write: {
        baseline: pruned,
        message: `removed ${n} stale baseline entr${n === 1 ? 'y' : 'ies'} from ${path}; ${pruned.leaks.length} left`,
      },
    };
  }
  return applied;
}

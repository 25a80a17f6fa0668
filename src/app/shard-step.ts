// The --shard side of a run: narrows the resolved packages to this part (reading the timings
// file when one is given) and describes the part in the report for `goleak-run merge`.
import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { RunReport, ShardInfo } from '../model.js';
import type { Resolution } from '../resolve/resolve-packages.js';
import { parseTimings } from '../shard/parse-timings.js';
import { selectShard } from '../shard/select-shard.js';
import type { ShardSpec } from '../shard/shard-spec.js';
import type { Settings } from './settings.js';

/** The shard's packages, and what the report needs to say about the whole run. */
export interface ShardSelection {
  spec: ShardSpec;
  resolution: Resolution;
  allPackages: string[];
}

/**
 * This shard's part of the resolution. Without a timings file (the first CI run has none yet) the
 * parts are balanced by package count, and stderr says so.
 */
export function narrowToShard(
  resolved: Resolution,
  settings: Pick<Settings, 'shard' | 'shardTimings'>,
  io: { stderr: { write: (s: string) => unknown } },
): ShardSelection {
  const spec = settings.shard as ShardSpec;
  const file = settings.shardTimings;
  let durations: Map<string, number> | undefined;
  if (file !== undefined) {
    if (existsSync(file)) durations = parseTimings(readFileSync(file, 'utf8'), file);
    else io.stderr.write(`goleak-run: no timings file ${file} yet; shards balanced by package count\n`);
  }
  const { resolution, allPackages } = selectShard(resolved, spec, durations);
  return { spec, resolution, allPackages };
}

/** The report's `shard` object: this part, the whole run's packages, and every test with its output. */
export function shardInfo(
  report: RunReport,
  opts: ShardSelection & { strictBaseline: boolean; repoRoot: string },
): ShardInfo {
  const rel = relative(opts.repoRoot, report.module.dir).split(sep).join('/');
  return {
    index: opts.spec.index,
    count: opts.spec.count,
    packages: opts.allPackages,
    moduleDir: rel === '' ? '.' : rel,
    strictBaseline: opts.strictBaseline,
    unchecked: report.packages.filter((p) => p.waitedMs === undefined).map((p) => p.importPath),
    tests: Object.fromEntries(
      report.packages.map((p) => [
        p.importPath,
        p.tests.map((t) => ({
          name: t.name,
          status: t.status,
          elapsedSeconds: t.elapsedSeconds,
          ...(t.status === 'pass' ? {} : { output: t.output }),
        })),
      ]),
    ),
  };
}

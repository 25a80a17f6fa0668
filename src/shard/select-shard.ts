// Pure: narrows a resolution to the packages of one shard.
import type { Resolution } from '../resolve/resolve-packages.js';
import { assignShards, shardWeights } from './assign-shards.js';
import type { ShardSpec } from './shard-spec.js';

/** The shard's part of the resolution, and every import path of the whole run in its order. */
export function selectShard(
  resolution: Resolution,
  spec: ShardSpec,
  durations: ReadonlyMap<string, number> | undefined,
): { resolution: Resolution; allPackages: string[] } {
  const parts = assignShards(shardWeights(resolution.packages, durations), spec.count);
  const mine = new Set(parts[spec.index - 1]);
  return {
    resolution: {
      ...resolution,
      packages: resolution.packages.filter((p) => mine.has(p.importPath)),
      setupFailures: resolution.setupFailures.filter((s) => mine.has(s.importPath)),
    },
    allPackages: resolution.packages.map((p) => p.importPath),
  };
}

// Pure parsing of `--shard K/N`: which part of the resolved packages this run covers.
import { UsageError } from '../errors.js';

/** Part K (1-based) of N. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** More parts than any CI matrix runs; a typo such as 1/30000 is refused rather than run nearly empty. */
const MAX_SHARDS = 1000;

/** Parses `K/N` (1 ≤ K ≤ N ≤ 1000); anything else is one UsageError line. */
export function parseShardSpec(text: string): ShardSpec {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw new UsageError(
      `expected --shard K/N with 1 <= K <= N <= ${MAX_SHARDS} (e.g. 2/4), found ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

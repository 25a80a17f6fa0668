// Pure reading of package durations from an earlier JSON report, for --shard-timings.
import { UsageError } from '../errors.js';

/** Seconds per import path, from `packages[].elapsedSeconds` of a goleak-run JSON report (any schema version). */
export function parseTimings(text: string, file: string): Map<string, number> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(
      `expected --shard-timings ${file} to be a goleak-run JSON report, found text that is not JSON`,
      { cause },
    );
  }
  const packages = (doc as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(packages)) {
    throw new UsageError(`expected --shard-timings ${file} to be a goleak-run JSON report, found no packages array`);
  }
  const out = new Map<string, number>();
  for (const p of packages as Array<{
    importPath?: unknown;
    elapsedSeconds?: unknown;
  }>) {
    if (typeof p?.importPath === 'string' && typeof p.elapsedSeconds === 'number' && p.elapsedSeconds >= 0) {
      out.set(p.importPath, p.elapsedSeconds);
    }
  }
  return out;
}

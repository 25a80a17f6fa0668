// Pure, deterministic split of the packages into N disjoint parts that together cover all of
// them. Every shard computes the same split from the same package list, so no coordination is needed.

/** A package to place, with its expected cost; `weight` 0 for packages go test never runs. */
export interface ShardItem {
  importPath: string;
  weight: number;
}

/**
 * Longest processing time first: heaviest package to the lightest part so far; ties go to the part
 * with fewer packages, then the lower index. With equal weights this balances package counts.
 * Returns, for each part, its import paths.
 */
export function assignShards(items: readonly ShardItem[], count: number): string[][] {
  const parts = Array.from({ length: count }, () => ({
    total: 0,
    paths: [] as string[],
  }));
  // Sorted by weight, then by import path: the order go list printed must not matter.
  const sorted = [...items].sort(
    (a, b) => b.weight - a.weight || (a.importPath < b.importPath ? -1 : a.importPath > b.importPath ? 1 : 0),
  );
  for (const item of sorted) {
    let best = parts[0]!;
    for (const part of parts) {
      if (part.total < best.total || (part.total === best.total && part.paths.length < best.paths.length)) best = part;
    }
    best.total += item.weight;
    best.paths.push(item.importPath);
  }
  return parts.map((p) => p.paths);
}

/**
 * Weights from an earlier run's package durations; packages it does not know cost the mean of those
 * it does (so a new package is neither free nor the heaviest), and with no durations at all every
 * package with tests costs 1. Packages without test files cost 0: go test does not run them.
 */
export function shardWeights(
  packages: ReadonlyArray<{ importPath: string; noTestFiles: boolean }>,
  durations: ReadonlyMap<string, number> | undefined,
): ShardItem[] {
  const known = packages
    .filter((p) => !p.noTestFiles)
    .map((p) => durations?.get(p.importPath))
    .filter((d): d is number => d !== undefined);
  const fallback = known.length === 0 ? 1 : known.reduce((a, b) => a + b, 0) / known.length;
  // Durations of a cached run can be 0: a floor keeps the count balanced among them.
  const floor = known.length === 0 ? 0 : Math.max(fallback / 1000, 1e-6);
  return packages.map((p) => ({
    importPath: p.importPath,
    weight: p.noTestFiles ? 0 : Math.max(durations?.get(p.importPath) ?? fallback, floor),
  }));
}

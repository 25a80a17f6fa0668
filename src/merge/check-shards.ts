// Pure checks that a set of JSON reports are the parts of one sharded run, before any is merged.
import { UsageError } from '../errors.js';
import type { ShardInfo } from '../model.js';
import type { JsonReport } from '../report/json-report-types.js';

/** A report read from a file, not yet checked. */
export interface ReadReport {
  file: string;
  doc: unknown;
}

/** A checked part of a sharded run. */
export interface ShardReport {
  file: string;
  report: JsonReport & { shard: ShardInfo };
}

/** The schema version `goleak-run merge` reads: the one this goleak-run writes. */
const MERGE_SCHEMA_VERSION = 2;

const where = (r: ShardReport): string => `${r.file} (${r.report.shard.index}/${r.report.shard.count})`;

function schemaOf(r: ReadReport): unknown {
  const doc = r.doc as {
    schemaVersion?: unknown;
    tool?: { name?: unknown };
  } | null;
  if (typeof doc !== 'object' || doc === null || doc.tool?.name !== 'goleak-run' || doc.schemaVersion === undefined) {
    throw new UsageError(`expected a goleak-run JSON report (--json) in ${r.file}, found another document`);
  }
  return doc.schemaVersion;
}

/**
 * Checks, in this order: every file is a goleak-run report of one schema version (this one), written
 * with --shard, of one module, of one split of the same packages, each part once, no package in two
 * parts, and every part present. Each failure is one line naming the files.
 */
export function checkShards(reads: readonly ReadReport[]): ShardReport[] {
  if (reads.length === 0) throw new UsageError('expected JSON reports of the shards to merge, found none');
  const versions = reads.map(schemaOf);
  const other = versions.findIndex((v) => v !== versions[0]);
  if (other > 0) {
    throw new UsageError(
      `expected reports of one schema version, found ${String(versions[0])} in ${reads[0]!.file} and ${String(versions[other])} in ${reads[other]!.file}`,
    );
  }
  if (versions[0] !== MERGE_SCHEMA_VERSION) {
    throw new UsageError(
      `expected schemaVersion ${MERGE_SCHEMA_VERSION} reports (this goleak-run's), found ${String(versions[0])} in ${reads[0]!.file}`,
    );
  }
  const reports = reads.map((r): ShardReport => {
    const doc = r.doc as JsonReport;
    if (!isShard(doc.shard) || !Array.isArray(doc.packages)) {
      throw new UsageError(`expected a report written with --shard K/N in ${r.file}, found a report of a whole run`);
    }
    return { file: r.file, report: doc as ShardReport['report'] };
  });
  const first = reports[0]!;
  for (const r of reports) {
    if (r.report.module !== first.report.module) {
      throw new UsageError(
        `expected reports of one module, found ${first.report.module} in ${first.file} and ${r.report.module} in ${r.file}`,
      );
    }
    if (r.report.shard.count !== first.report.shard.count) {
      throw new UsageError(`expected shards of one split, found ${where(first)} and ${where(r)}`);
    }
    if (!samePackages(r.report.shard.packages, first.report.shard.packages)) {
      throw new UsageError(
        `expected shards of the same packages (same commit, patterns and flags), found different package lists in ${first.file} and ${r.file}`,
      );
    }
  }
  checkDisjoint(reports);
  checkComplete(reports);
  return [...reports].sort((a, b) => a.report.shard.index - b.report.shard.index);
}

function checkDisjoint(reports: ShardReport[]): void {
  const byIndex = new Map<number, ShardReport>();
  const byPackage = new Map<string, ShardReport>();
  for (const r of reports) {
    const twin = byIndex.get(r.report.shard.index);
    if (twin)
      throw new UsageError(
        `expected each shard once, found shard ${r.report.shard.index}/${r.report.shard.count} in ${twin.file} and ${r.file}`,
      );
    byIndex.set(r.report.shard.index, r);
    for (const p of r.report.packages) {
      const owner = byPackage.get(p.importPath);
      if (owner)
        throw new UsageError(
          `expected shards with no package in common, found ${p.importPath} in ${where(owner)} and ${where(r)}`,
        );
      byPackage.set(p.importPath, r);
    }
  }
}

function checkComplete(reports: ShardReport[]): void {
  const { count, packages } = reports[0]!.report.shard;
  const have = new Set(reports.map((r) => r.report.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i));
  if (missing.length > 0) {
    const list = missing.map((i) => `${i}/${count}`).join(', ');
    throw new UsageError(
      `expected all ${count} shards, found no report for shard${missing.length === 1 ? '' : 's'} ${list}`,
    );
  }
  const covered = new Set(reports.flatMap((r) => r.report.packages.map((p) => p.importPath)));
  const uncovered = packages.find((p) => !covered.has(p));
  if (uncovered !== undefined) {
    throw new UsageError(
      `expected the shards to cover every package, found ${uncovered} in none (were they split with different --shard-timings?)`,
    );
  }
}

function samePackages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

function isShard(value: unknown): value is ShardInfo {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<ShardInfo>;
  return (
    Number.isSafeInteger(s.index) &&
    Number.isSafeInteger(s.count) &&
    Array.isArray(s.packages) &&
    typeof s.moduleDir === 'string' &&
    typeof s.tests === 'object' &&
    s.tests !== null
  );
}

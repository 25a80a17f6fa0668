// The report of a whole run, input of every reporter.
import type { Finding, PackageStress, StaleEntry } from './findings.js';
import type { TestResult } from './go-test.js';

export type PackageStatus = 'passed' | 'leaked' | 'failed' | 'build-failed' | 'no-tests';

/** Everything reported for one package. */
export interface PackageReport {
  importPath: string;
  /** Directory relative to the module root (`.` for the root package). */
  dir: string;
  status: PackageStatus;
  elapsedSeconds: number;
  cached: boolean;
  tests: TestResult[];
  leaks: Finding[];
  /** Goroutines dropped by built-in or user ignore rules. */
  ignored: number;
  /** How long the check waited for leftover goroutines to finish (0 when clean or all proven at once). */
  waitedMs?: number;
  /** The toolchain gave the GC's leak proof (goroutineleak profile), so `provenByGc` on findings means something. */
  gcProof?: boolean;
  /** Package-level failure text: build output, a TestMain crash, a timeout, a missing leak check. */
  failures: string[];
  /** Parser warnings and notes such as "leak check did not run". */
  warnings: string[];
  /** Set when --stress ran the package. */
  stress?: PackageStress;
}

/** Totals for the summary line. */
export interface Summary {
  packages: number;
  passed: number;
  leaked: number;
  failed: number;
  buildFailed: number;
  noTests: number;
  leakFindings: number;
  leakedGoroutines: number;
  newLeaks: number;
  knownLeaks: number;
  stale: number;
  testsFailed: number;
}

/** A test as a shard's report keeps it for `goleak-run merge`: the JSON `tests` object lists names only. */
export interface ShardTest {
  name: string;
  status: TestResult['status'];
  elapsedSeconds: number;
  /** Output of a test that did not pass (reports show it); absent for passed tests. */
  output?: string[];
}

/** One part of a run split with `--shard K/N`: what `goleak-run merge` needs to join the parts. */
export interface ShardInfo {
  /** K, 1-based. */
  index: number;
  /** N. */
  count: number;
  /** Every package of the whole run, in its order: the parts together must cover exactly these. */
  packages: string[];
  /** The module directory relative to the repository root (`.` at the root), `/`-separated. */
  moduleDir: string;
  /** --strict-baseline was given: stale entries fail the merged run too. */
  strictBaseline: boolean;
  /** This part's tests by package import path, with times and the output of those that did not pass. */
  tests: Record<string, ShardTest[]>;
  /** This part's packages whose leak check never reported (the JSON's waitedMs 0 and gcProof false stand for none). */
  unchecked: string[];
}

/** The result of a whole run, input of every reporter. */
export interface RunReport {
  schemaVersion: 2;
  tool: { name: string; version: string };
  goVersion: string;
  module: { path: string; dir: string };
  startedAt: string;
  durationSeconds: number;
  packages: PackageReport[];
  stale: StaleEntry[];
  summary: Summary;
  /** Lines go printed on stderr or outside its JSON events (e.g. a -coverpkg pattern matching nothing). */
  warnings: string[];
  exitCode: 0 | 1;
  /** Set when the run covered one part of the packages (`--shard K/N`). */
  shard?: ShardInfo;
}

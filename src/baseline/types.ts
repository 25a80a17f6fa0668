// The baseline file's data and the scope of a run it is compared with.

/** A test that leaked at an entry's site when the baseline was written. */
export interface BaselineTest {
  /** `TestX`, `TestX/sub`, `package level` or `unknown`. */
  name: string;
  count: number;
}

/** One accepted leak site. Only `fingerprint` and `count` decide matching; the rest is for readers and scope. */
export interface BaselineEntry {
  fingerprint: string;
  package: string;
  /** The tests that leaked at the site: shown to readers, and what a run must cover before it calls the entry stale. */
  tests: BaselineTest[];
  count: number;
  state: string;
  top: string;
  createdBy?: string;
  /** `file:line`, informational only. */
  createdAt?: string;
  /**
   * Read from a version-1 baseline (or carried over from one): `fingerprint` is the old one of
   * a single test's share of a leak, so it is matched against each test of a finding.
   */
  legacy?: boolean;
}

/** The whole baseline, in the version this tool writes; version-1 files are migrated when read. */
export interface Baseline {
  version: 2;
  leaks: BaselineEntry[];
}

/** What a run covered: only entries inside it can be stale or replaced. */
export interface RunScope {
  /** Packages whose tests ran and whose leak check reported. */
  packages: Set<string>;
  /** Per package, the tests and subtests that ran. */
  testsRun: Map<string, Set<string>>;
  /** Every test of the covered packages ran (no -run/-skip), so `unknown` entries are covered too. */
  allTests: boolean;
}

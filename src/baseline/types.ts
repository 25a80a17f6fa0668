// The baseline file's data and the scope of a run it is compared with.

/** One accepted leak. Only `fingerprint` and `count` decide matching; the rest is for readers. */
export interface BaselineEntry {
  fingerprint: string;
  package: string;
  /** `TestX`, `TestX/sub`, `package level` or `unknown`. */
  test: string;
  count: number;
  state: string;
  top: string;
  createdBy?: string;
  /** `file:line`, informational only. */
  createdAt?: string;
}

/** The whole baseline file. */
export interface Baseline {
  version: 1;
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

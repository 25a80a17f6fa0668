// The versioned JSON document of `--json`; src/report/README.md describes every field.
import type { PackageStatus, ShardInfo, Summary } from '../model.js';

/** The whole JSON report, schema version 2. */
export interface JsonReport {
  schemaVersion: 2;
  tool: { name: string; version: string };
  /** `go version` of the toolchain that ran the tests, e.g. `go1.26.8`. */
  go: string;
  /** Module path. */
  module: string;
  startedAt: string;
  durationSeconds: number;
  summary: Summary;
  packages: JsonPackage[];
  stale: JsonStaleEntry[];
  /** Lines go printed on stderr or outside its JSON events, in order (e.g. a -coverpkg pattern matching nothing). */
  warnings: string[];
  /** Only in the report of one part of a sharded run (`--shard K/N`): what `goleak-run merge` needs. */
  shard?: ShardInfo;
}

/** One package of the run. */
export interface JsonPackage {
  importPath: string;
  dir: string;
  status: PackageStatus;
  elapsedSeconds: number;
  cached: boolean;
  tests: { passed: string[]; failed: string[]; skipped: string[] };
  failures: string[];
  warnings: string[];
  ignored: number;
  /** How long the check waited for leftover goroutines to finish, in ms (0: clean, or all proven at once). */
  waitedMs: number;
  /** The toolchain gave the GC's proof (goroutineleak profile): a leak's provenByGc is meaningful. */
  gcProof: boolean;
  leaks: JsonLeak[];
  /** Present only when --stress ran the package. */
  stress?: JsonPackageStress;
}

/** What --stress did in a package. */
interface JsonPackageStress {
  /** Runs made: rounds of the package's tests, one per -count and -cpu value. */
  runs: number;
  /** Test binary processes those runs took. */
  chunks: number;
  seconds: number;
  /** Perturbation points inserted in the package's files (0 with --stress-perturb=off). */
  perturbationSites: number;
  /** Present when it found something: the goleak-run command that runs that chunk of runs again. */
  reproduce?: string;
}

/** One leak site: goroutines with the same creation site in the user's code, state and stack shape. */
export interface JsonLeak {
  count: number;
  state: string;
  waitMinutes: number | null;
  topFunction: string;
  /** Function containing the `go` statement. */
  createdBy: string | null;
  /** The first frame inside the module along the creation chain; the `go` statement when none is (`inModule: false`). */
  createdAt: { file: string; line: number; function: string; inModule: boolean } | null;
  /** Site of the `go` statement. */
  goStatement: { file: string; line: number } | null;
  /** The tests that leaked at this site, by name, with their goroutine counts. */
  tests: JsonLeakTest[];
  source: 'end-of-run' | 'timeout';
  provenByGc: boolean;
  fingerprint: string;
  /** Present only when the run used a baseline. */
  baseline?: 'new' | 'known';
  /** Present only when --stress found it: in how many of its runs it appeared, and how to reproduce it. */
  stress?: { seenIn: number; runs: number; reproduce: string };
  stack: JsonFrame[];
}

/** A test that leaked goroutines of a finding. */
interface JsonLeakTest {
  /** `TestX`, `TestX/sub`, `package level` or `unknown`. */
  name: string;
  count: number;
}

/** One stack frame of a representative goroutine. */
interface JsonFrame {
  function: string;
  file: string;
  line: number;
}

/** A baseline entry that no longer occurs. */
interface JsonStaleEntry {
  fingerprint: string;
  package: string;
  tests: string[];
  summary: string;
}

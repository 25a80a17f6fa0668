// Leaks as the classifier reports them: ignore rules, attributions, leak sites, stale baseline entries.
import type { Frame } from './dump.js';
import type { RuleKindName } from '../rule-kinds.js';

/** Where a leaked goroutine was started. */
export type Attribution = { kind: 'test'; test: string; subtest?: string } | { kind: 'package' } | { kind: 'unknown' };

/** A user or built-in ignore rule. */
export interface IgnoreRule {
  kind: RuleKindName;
  /** Exact function name, or a prefix when it ends with `*`. */
  func: string;
  reason: string;
  /** Go package patterns (`example.com/m/...`) the rule is limited to; all packages when absent. */
  packages?: string[];
  /** `goleak`: an option of the user's goleak.VerifyTestMain call, read from the source. */
  origin: 'built-in' | 'cli' | 'config' | 'goleak';
}

/** Where a leak was created in the user's code; file relative to the module root when inside it. */
export interface LeakLocation {
  file: string;
  line: number;
  /** Function of that frame. */
  func: string;
  /** False when no frame of the module is anywhere in the creation chain: then this is the `go` statement. */
  inModule: boolean;
}

/** One test that leaked goroutines of a finding, and how many. */
export interface FindingTest {
  attribution: Attribution;
  count: number;
}

/** One leak site: goroutines with the same creation site in the user's code, state and stack shape. */
export interface Finding {
  package: string;
  count: number;
  state: string;
  waitMinutes?: number;
  topFunction: string;
  /** Function containing the `go` statement, a library's when a library started the goroutine. */
  createdBy?: string;
  /** Site of that `go` statement, file relative to the module root when inside it. */
  goStatement?: { file: string; line: number };
  /** The first frame inside the module along the creation chain (the `go` statement when none is). */
  createdAt?: LeakLocation;
  /** The tests that leaked it, sorted by name, each with its goroutine count. */
  tests: FindingTest[];
  /** Frames of one representative goroutine, files relative to the module root where inside it. */
  stack: Frame[];
  /** Stable identity for baselines: package, creation function, stack shape, creator; no tests, ids or lines. */
  fingerprint: string;
  /** `end-of-run`: alive after the tests; `timeout`: blocked when `-timeout` killed a hung test. */
  source: 'end-of-run' | 'timeout';
  /** The GC proved it unreachable (goroutineleak profile). */
  provenByGc: boolean;
  /** The GC's proof was asked for this finding (Go 1.27): not proven then means it may still run. */
  gcChecked?: boolean;
  goroutineIds: number[];
  baseline?: 'new' | 'known';
  /** Count the baseline accepts when this finding is `new` only because it leaked more goroutines. */
  baselineCount?: number;
  /** Set when --stress found it. */
  stress?: FindingStress;
}

/** What --stress learnt about a finding. */
interface FindingStress {
  /** Runs (rounds of the package's tests: one per -count and -cpu value) it appeared in. */
  seenIn: number;
  /** Runs the package's stress loop made until it stopped. */
  runs: number;
  /** The goleak-run command that runs the chunk that found it again. */
  reproduce: string;
}

/** What --stress did in a package. */
export interface PackageStress {
  /** Runs (rounds of the package's tests) made. */
  runs: number;
  /** Test binary processes those runs took. */
  chunks: number;
  seconds: number;
  /** Perturbation points inserted in the package's files (0 with --stress-perturb=off). */
  perturbationSites: number;
  /** When the loop found something: the command that runs the chunk that found it again. */
  reproduce?: string;
}

/** A baseline entry that did not occur in a run that covered its package and tests. */
export interface StaleEntry {
  fingerprint: string;
  package: string;
  tests: string[];
  summary: string;
}

// Shared data shapes passed between the stages: resolve → overlay → run → parse → classify → report.
// Everything here is plain data (JSON-serialisable), so stages stay pure and testable.
import type { RuleKindName } from './rule-kinds.js';

/** One event of the `go test -json` stream (test2json plus the build events of Go 1.24+). */
export interface GoTestEvent {
  Time?: string;
  Action: string;
  Package?: string;
  /** Set on build-output / build-fail events instead of Package. */
  ImportPath?: string;
  Test?: string;
  Output?: string;
  Elapsed?: number;
  FailedBuild?: string;
}

/** A package as `go list` resolved it. */
export interface ResolvedPackage {
  importPath: string;
  dir: string;
  /** Package clause of the non-test files (or of the internal test files when there are none). */
  name: string;
  goFiles: string[];
  testGoFiles: string[];
  xTestGoFiles: string[];
  /** True when the package has no _test.go files: it is reported as `no-tests` and not run. */
  noTestFiles: boolean;
}

/** The module the run happens in. */
export interface ModuleInfo {
  path: string;
  dir: string;
  goVersion: string;
}

/** One stack frame of a goroutine. */
export interface Frame {
  /** Fully qualified function, e.g. `example.com/m/a.(*Server).serve.func1`. */
  func: string;
  /** Raw argument text between the parentheses, e.g. `0xc000012345, 0x1` or `...`. */
  args: string;
  file: string;
  line: number;
}

/** `created by F in goroutine N` at the end of a goroutine's stack. */
export interface CreatedBy {
  func: string;
  file: string;
  line: number;
  /** Creator goroutine id (Go 1.21+ prints it). */
  goroutine?: number;
}

/** An `[originating from goroutine N]:` block printed under GODEBUG=tracebackancestors. */
export interface Ancestor {
  goroutine: number;
  frames: Frame[];
  createdBy?: CreatedBy;
  /** `...additional frames elided...` was printed. */
  truncated: boolean;
}

/** One goroutine of a traceback dump. */
export interface Goroutine {
  id: number;
  /** Wait reason or status: `chan receive`, `select`, `sleep`, `running`, `sync.Mutex.Lock`, … */
  state: string;
  /** `, N minutes` in the header; absent when blocked for under a minute. */
  waitMinutes?: number;
  lockedToThread: boolean;
  /** `(durable)`: durably blocked inside a synctest bubble. */
  durable: boolean;
  /** `synctest bubble N`. */
  bubble?: number;
  /** `(leaked)`: the GC proved it can never run again (goroutineleak profile, Go 1.26+ experiment). */
  leakedByGc: boolean;
  /** `labels:{"k": "v"}` (GODEBUG=tracebacklabels=1, default from Go 1.27). */
  labels: Record<string, string>;
  frames: Frame[];
  /** Count from `...N frames elided...`, 0 when none. */
  framesElided: number;
  createdBy?: CreatedBy;
  ancestors: Ancestor[];
  /**
   * Identical goroutines this one stands for, folded inside the test binary before printing
   * (same stack, state and creator; ids and argument values differ). Absent means 1.
   */
  folded?: { count: number; ids: number[] };
}

/** A line the parser could not make sense of; collected, never thrown. */
export interface ParseWarning {
  line: number;
  text: string;
  message: string;
}

/** Result of parsing one dump. */
export interface Dump {
  goroutines: Goroutine[];
  warnings: ParseWarning[];
}

/** Outcome of one test function (or subtest) from the event stream. */
export interface TestResult {
  /** Full name, `TestFoo` or `TestFoo/sub`. */
  name: string;
  status: 'pass' | 'fail' | 'skip' | 'running';
  elapsedSeconds: number;
  /** Output lines of this test, in order. */
  output: string[];
}

/** Identical leftover goroutines as the check reports them (see src/check-protocol.ts). */
export interface FoldedGoroutines {
  n: number;
  ids: number[];
  /** The traceback block of one of them. */
  stack: string;
}

/** What the injected check reported for the package. */
export type LeakCheck =
  /** `ignored`: goroutines the check dropped by ignore rules. `proof`: the GC's leak proof was asked for. */
  | { kind: 'clean'; waitedMs: number; ignored: number; proof?: boolean }
  /**
   * `interruptedBy`: the binary crashed during the settle wait (a leftover goroutine called
   * t.Log after its test completed, or -timeout fired); the groups are those seen before the wait.
   */
  | { kind: 'leaked'; waitedMs: number; ignored: number; groups: FoldedGoroutines[]; interruptedBy?: string; proof?: boolean }
  /** No record: the binary died, hung, or exited by a path the check could not follow (`reason`). */
  | { kind: 'missing'; reason?: string };

/** A `go test` run of one package, folded from the event stream. */
export interface PackageRun {
  importPath: string;
  /** Final package action: pass, fail or skip (skip = no test files). */
  action: 'pass' | 'fail' | 'skip' | 'unknown';
  elapsedSeconds: number;
  cached: boolean;
  tests: TestResult[];
  /** Package-level output lines that are not part of our marker blocks. */
  output: string[];
  /** Compiler / vet output from build-output events (paths mapped back to the user's files). */
  buildOutput: string[];
  buildFailed: boolean;
  check: LeakCheck;
  /** The signed record came through the event stream (a cached run has only that one). */
  streamRecord?: boolean;
  /** -timeout killed a hung test: the goroutine dump the runtime wrote to the crash file. */
  timeout?: { dump: string; runningTests: string[] };
  /** The binary crashed (a panic or a fatal error): the first lines the runtime wrote. */
  panic?: { test?: string; message: string };
}

/** Where a leaked goroutine was started. */
export type Attribution =
  | { kind: 'test'; test: string; subtest?: string }
  | { kind: 'package' }
  | { kind: 'unknown' };

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
export interface FindingStress {
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

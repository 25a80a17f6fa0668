// The run as go test and the check report it: resolved packages, events, test results, the check.

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
  | {
      kind: 'leaked';
      waitedMs: number;
      ignored: number;
      groups: FoldedGoroutines[];
      interruptedBy?: string;
      proof?: boolean;
    }
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
  /** The binary passed after TestMain ended it before m.Run: no test ran (the check's marks tell). */
  endedBeforeTests?: boolean;
}

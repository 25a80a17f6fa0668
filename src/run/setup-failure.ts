// Pure: the run of a package that go test fails before building it, which goleak-run does not run.
import type { PackageRun } from '../model.js';

/**
 * The package as `go test` reports it: `FAIL ./empty [setup failed]` with go list's error as
 * build output, so it fails the run exactly as plain go test would.
 */
export function setupFailedRun(failure: { importPath: string; error: string }): PackageRun {
  return {
    importPath: failure.importPath,
    action: 'fail',
    elapsedSeconds: 0,
    cached: false,
    tests: [],
    output: [],
    buildOutput: [`# ${failure.importPath}`, failure.error],
    buildFailed: true,
    check: { kind: 'clean', waitedMs: 0, ignored: 0 },
  };
}

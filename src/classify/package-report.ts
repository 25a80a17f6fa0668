// One package's run and dumps → its report, with the status rules every reporter relies on.
import type { Dump, Finding, PackageReport, PackageRun, PackageStatus } from '../model.js';
import { classifyDump, type ClassifyContext } from './classify-dump.js';
import { moduleRelativeDir } from './module-paths.js';

/** Per-package context: the classify context less what the run itself says. */
export interface PackageContext extends Omit<ClassifyContext, 'importPath' | 'source' | 'testNames'> {
  /** Absolute directory of the package, shown relative to the module root. */
  packageDir: string;
}

/** Dumps of one package: after the tests, and when -timeout killed a hung test. */
export interface PackageDumps {
  endOfRun?: Dump;
  timeout?: Dump;
}

function failuresOf(run: PackageRun): string[] {
  const failures: string[] = [];
  if (run.buildFailed) failures.push(run.buildOutput.length > 0 ? run.buildOutput.join('\n') : 'build failed');
  if (run.panic) failures.push(`panic${run.panic.test ? ` in ${run.panic.test}` : ''}: ${run.panic.message}`);
  if (run.timeout) {
    const running = run.timeout.runningTests;
    failures.push(`test timed out${running.length > 0 ? `; still running: ${running.join(', ')}` : ''}`);
  }
  const testFailed = run.tests.some((t) => t.status === 'fail');
  // A binary that a leftover goroutine took down during the settle wait is reported as that leak.
  const interrupted = run.check.kind === 'leaked' && run.check.interruptedBy !== undefined;
  if (run.action === 'fail' && !run.buildFailed && !run.panic && !run.timeout && !testFailed && !interrupted) {
    failures.push('the test binary failed outside any test (TestMain, os.Exit or a crash)');
  }
  if (run.action === 'unknown') failures.push('go test reported no result for this package');
  if (run.action === 'pass' && run.check.kind === 'missing') {
    failures.push(`leak check did not run${run.check.reason ? `: ${run.check.reason}` : ''}`);
  }
  return failures;
}

/** Leaks that make a package `leaked`: any not marked known by the baseline. */
function hasNewLeaks(leaks: Finding[]): boolean {
  return leaks.some((l) => l.baseline !== 'known');
}

/** Status for a package that neither failed nor failed to build: `leaked` or `passed`. */
export function leakStatus(leaks: Finding[]): PackageStatus {
  return hasNewLeaks(leaks) ? 'leaked' : 'passed';
}

function statusOf(run: PackageRun, failures: string[], leaks: Finding[]): PackageStatus {
  if (run.buildFailed) return 'build-failed';
  if (run.action === 'skip' && run.tests.length === 0) return 'no-tests';
  // go test's own verdict on the binary decides: a test running tests of its own
  // (testing.RunTests, as testify's suite tests do) reports failures it expects.
  if (failures.length > 0 || (run.action !== 'pass' && run.tests.some((t) => t.status === 'fail'))) return 'failed';
  return leakStatus(leaks);
}

function dumpWarnings(label: string, dump: Dump | undefined): string[] {
  return (dump?.warnings ?? []).map((w) => `${label} line ${w.line}: ${w.message}: ${w.text}`);
}

function expectedFailuresWarning(run: PackageRun): string[] {
  if (run.action !== 'pass') return [];
  const failed = run.tests.filter((t) => t.status === 'fail').map((t) => t.name);
  if (failed.length === 0) return [];
  const named =
    failed.length > 3 ? `${failed.slice(0, 3).join(', ')} and ${failed.length - 3} more` : failed.join(', ');
  return [
    `go test passed the package, though its events say ${named} failed (tests run by a test, as with testing.RunTests)`,
  ];
}

function endedBeforeTestsWarning(run: PackageRun): string[] {
  if (!run.endedBeforeTests) return [];
  return ['TestMain ended the test binary before m.Run (an os.Exit in another package): no test ran, nothing to check'];
}

function interruptionWarning(run: PackageRun): string[] {
  if (run.check.kind !== 'leaked' || run.check.interruptedBy === undefined) return [];
  return [
    `a leaked goroutine crashed the test binary while goleak-run waited for it to finish: ${run.check.interruptedBy}`,
  ];
}

/** Builds the report of one package; `failed` wins over `leaked`, and leaks are listed either way. */
export function toPackageReport(run: PackageRun, dumps: PackageDumps, ctx: PackageContext): PackageReport {
  const classify = (dump: Dump | undefined, source: Finding['source']) =>
    dump
      ? classifyDump(dump, { ...ctx, importPath: run.importPath, source, testNames: run.tests.map((t) => t.name) })
      : { findings: [], ignored: 0 };
  const endOfRun = classify(dumps.endOfRun, 'end-of-run');
  const timeout = classify(dumps.timeout, 'timeout');
  // With the GC's proof at hand, an end-of-run finding it did not prove may still run.
  const checked = run.check.kind !== 'missing' && run.check.proof === true;
  const leaks = [...endOfRun.findings.map((f) => (checked ? { ...f, gcChecked: true } : f)), ...timeout.findings];
  const failures = failuresOf(run);
  return {
    importPath: run.importPath,
    dir: moduleRelativeDir(ctx.packageDir, ctx.moduleDir),
    status: statusOf(run, failures, leaks),
    elapsedSeconds: run.elapsedSeconds,
    cached: run.cached,
    tests: run.tests,
    leaks,
    // A clean check dropped its ignored goroutines inside the binary and only counted them.
    ignored: endOfRun.ignored + timeout.ignored + (run.check.kind === 'missing' ? 0 : run.check.ignored),
    ...(run.check.kind === 'missing' ? {} : { waitedMs: run.check.waitedMs, gcProof: run.check.proof === true }),
    failures,
    warnings: [
      ...endedBeforeTestsWarning(run),
      ...expectedFailuresWarning(run),
      ...interruptionWarning(run),
      ...dumpWarnings('leak dump', dumps.endOfRun),
      ...dumpWarnings('timeout dump', dumps.timeout),
    ],
  };
}

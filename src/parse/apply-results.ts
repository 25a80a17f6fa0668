// Joins what the check wrote to its results files with what the stream said. The files
// are the check's own channel; the stream's signed record stands alone only when Go's
// test cache replayed a run (then no binary ran, and no file was written).
import type { CheckRecord } from '../check-protocol.js';
import type { PackageRun } from '../model.js';
import { parseCrash } from './crash-text.js';
import { checkOf } from './package-fold.js';

/** The results files of one package, as read after the run. */
export interface PackageResults {
  final?: CheckRecord;
  waiting?: CheckRecord;
  /** Text the runtime wrote on a crash; '' or absent when it did not crash. */
  crash?: string;
  /** The code TestMain exited with, when it left through the check's hooks. */
  exitCode?: number;
  /** The check armed itself as TestMain began (it created the crash file). */
  armed?: boolean;
  /** m.Run started: the check marked it. */
  started?: boolean;
}

/** What the run as a whole said, beyond the package's own events. */
export interface RunContext {
  /** Where the overlay saw TestMain hand m or the exit to code it cannot follow. */
  handoffs?: string[];
  /** go test exited 0: every package passed, even one whose final event a test swallowed. */
  goTestPassed?: boolean;
  /** The package ran without the check on purpose (the overlay said why, as a warning). */
  unchecked?: boolean;
}

/** The run with its check, crash and cache state decided. */
export function applyResults(run: PackageRun, files: PackageResults, ctx: RunContext = {}): PackageRun {
  const handoffs = ctx.handoffs ?? [];
  const out: PackageRun = { ...run };
  // A test that closes the real stdout loses the binary's last lines, and test2json then gives the
  // package's result to that test. The exit code the check recorded, or go test's own exit status
  // when every package passed, still tells it.
  if (out.action === 'unknown' && files.exitCode !== undefined) out.action = files.exitCode === 0 ? 'pass' : 'fail';
  if (ctx.goTestPassed && out.action === 'unknown') out.action = 'pass';
  const crash = parseCrash(files.crash ?? '');
  if (files.final) out.check = checkOf(files.final, false);
  else if (files.waiting) {
    // The binary died during the settle wait: a leftover goroutine took it down.
    const { waitedMs, ignored, groups } = files.waiting;
    out.check = {
      kind: 'leaked',
      waitedMs,
      ignored,
      groups,
      interruptedBy: crash?.message ?? 'the test binary exited',
    };
    return out;
  } else if (run.streamRecord) out.cached = true;
  else if (run.check.kind === 'missing' && ctx.unchecked) out.check = { kind: 'clean', waitedMs: 0, ignored: 0 };
  else if (run.check.kind === 'missing' && handoffs.length > 0)
    out.check = { kind: 'missing', reason: handoffs.join('; ') };
  else if (run.check.kind === 'missing' && endedBeforeTests(out, files)) {
    // As go test has it, the package passed; no test ran, so none can have leaked.
    out.check = { kind: 'clean', waitedMs: 0, ignored: 0 };
    out.endedBeforeTests = true;
  }
  if (crash?.timeout) out.timeout = { dump: crash.dump, runningTests: crash.timeout.runningTests };
  else if (crash) {
    const failed = run.tests.filter((t) => t.status !== 'pass' && t.status !== 'skip').map((t) => t.name);
    out.panic =
      failed.length > 0 ? { test: failed[failed.length - 1]!, message: crash.message } : { message: crash.message };
  }
  return out;
}

// The binary passed, the check armed, and m.Run never started: TestMain ended the process
// before any test ran (an os.Exit in another package, such as a "requires root" helper).
// Only for a TestMain that hands m nowhere the overlay cannot see: every m.Run is marked.
function endedBeforeTests(run: PackageRun, files: PackageResults): boolean {
  return run.action === 'pass' && files.armed === true && files.started !== true && run.tests.length === 0;
}

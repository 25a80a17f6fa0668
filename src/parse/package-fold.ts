// Folds the events of one package into a PackageRun. Statuses come from the structured
// events (test2json frames the testing package's own lines, Go 1.24+) and the package's
// final action; the leak check speaks only through its signed record. No other text a
// test prints is read for a verdict.
import type { CheckRecord } from '../check-protocol.js';
import type { GoTestEvent, LeakCheck, PackageRun, TestResult } from '../model.js';
import { createLineJoiner } from './line-joiner.js';
import { findRecord } from './record-line.js';

/**
 * Lines of output kept per test (and for the package), the last ones: reports show the end
 * of a failing test's output, and a test printing millions of lines must not hold them all.
 */
export const OUTPUT_LINES_KEPT = 10_000;

/** Accumulates one package's events; `finish` turns them into a PackageRun. */
export interface PackageFold {
  push(event: GoTestEvent): void;
  /** True once the package-level pass/fail/skip event arrived. */
  readonly done: boolean;
  /** The run so far; unfinished lines are flushed. */
  finish(buildOutput: string[]): PackageRun;
  /** FailedBuild of the package's fail event: the ImportPath whose build output explains it. */
  readonly failedBuild: string | undefined;
}

/** Creates the fold for package `importPath`; `key` verifies the check's records. */
export function createPackageFold(importPath: string, key: string): PackageFold {
  const tests = new Map<string, TestResult>();
  const output: string[] = [];
  const joiner = createLineJoiner();
  let action: PackageRun['action'] = 'unknown';
  let elapsedSeconds = 0;
  let failedBuild: string | undefined;
  let done = false;
  let record: CheckRecord | undefined;

  const testResult = (name: string): TestResult => {
    let t = tests.get(name);
    if (!t) {
      t = { name, status: 'running', elapsedSeconds: 0, output: [] };
      tests.set(name, t);
    }
    return t;
  };
  const dropped = new Map<string[], number>();
  const emit = (line: string, test: string | undefined): void => {
    const lines = test !== undefined ? testResult(test).output : output;
    lines.push(line);
    // Trimmed in batches, so each line is moved at most once.
    if (lines.length >= 2 * OUTPUT_LINES_KEPT) {
      lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
      dropped.set(lines, (dropped.get(lines) ?? 0) + OUTPUT_LINES_KEPT);
    }
  };
  const trimmed = (lines: string[]): string[] => {
    const extra = Math.max(0, lines.length - OUTPUT_LINES_KEPT);
    const total = (dropped.get(lines) ?? 0) + extra;
    return total === 0 ? lines : [`[goleak-run: ${total} earlier lines of output not kept]`, ...lines.slice(extra)];
  };
  const onLine = (line: string, test: string | undefined): void => {
    // Cheap test first: almost no line mentions the prefix.
    const found = line.includes('goleak-run:') ? findRecord(line, key) : undefined;
    if (!found) {
      emit(line, test);
      return;
    }
    if (found.before !== '') emit(found.before, test);
    if (found.record.pkg === importPath && found.record.phase === 'final') record ??= found.record;
  };
  const flushAll = (): void => {
    for (const k of joiner.pendingKeys()) {
      const rest = joiner.flush(k);
      if (rest !== undefined) onLine(rest, k === '' ? undefined : k.slice(1));
    }
  };

  return {
    get done() {
      return done;
    },
    get failedBuild() {
      return failedBuild;
    },
    push(event) {
      const test = event.Test;
      if (event.Action === 'output') {
        // The key's first char separates package output ('') from a test named ''.
        const k = test === undefined ? '' : `t${test}`;
        for (const line of joiner.push(k, event.Output ?? '')) onLine(line, test);
        return;
      }
      const ended = event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip';
      if (test !== undefined) {
        const t = testResult(test);
        // -count=N runs a test again: a later round that never ends must not keep an earlier pass.
        if (event.Action === 'run') t.status = 'running';
        if (ended) {
          t.status = event.Action as TestResult['status'];
          t.elapsedSeconds = event.Elapsed ?? t.elapsedSeconds;
        }
        return;
      }
      if (!ended) return;
      flushAll();
      action = event.Action as PackageRun['action'];
      elapsedSeconds = event.Elapsed ?? 0;
      if (event.FailedBuild !== undefined) failedBuild = event.FailedBuild;
      done = true;
    },
    finish(buildOutput) {
      flushAll();
      const buildFailed = failedBuild !== undefined;
      return {
        importPath,
        action,
        elapsedSeconds,
        cached: false,
        tests: [...tests.values()].map((t) => ({ ...t, output: trimmed(t.output) })),
        output: trimmed(output),
        buildOutput,
        buildFailed,
        check: checkOf(record, buildFailed || action === 'skip'),
        ...(record ? { streamRecord: true } : {}),
      };
    },
  };
}

/** The check as the stream tells it; the results files, read after the run, may say more. */
export function checkOf(record: CheckRecord | undefined, notRun: boolean): LeakCheck {
  if (record) {
    const { waitedMs, ignored, groups } = record;
    const proof = record.proof === true ? { proof: true } : {};
    return groups.length === 0
      ? { kind: 'clean', waitedMs, ignored, ...proof }
      : { kind: 'leaked', waitedMs, ignored, groups, ...proof };
  }
  // Packages that never ran a test binary (build failure, no test files) have nothing to check.
  return notRun ? { kind: 'clean', waitedMs: 0, ignored: 0 } : { kind: 'missing' };
}

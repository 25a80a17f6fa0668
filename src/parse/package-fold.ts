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

/** The kept output lines of the package or of one test, its key in the joiner, and how many lines it dropped. */
interface OutputLog {
  key: string;
  lines: string[];
  dropped: number;
  /** Takes one whole line of this log's output. */
  onLine: (line: string) => void;
}

/** Creates the fold for package `importPath`; `key` verifies the check's records. */
export function createPackageFold(importPath: string, key: string): PackageFold {
  const tests = new Map<string, { result: TestResult; log: OutputLog }>();
  const joiner = createLineJoiner();
  let action: PackageRun['action'] = 'unknown';
  let elapsedSeconds = 0;
  let failedBuild: string | undefined;
  let done = false;
  let record: CheckRecord | undefined;

  const emit = (log: OutputLog, line: string): void => {
    const lines = log.lines;
    lines.push(line);
    // Trimmed in batches, so each line is moved at most once.
    if (lines.length >= 2 * OUTPUT_LINES_KEPT) {
      lines.splice(0, lines.length - OUTPUT_LINES_KEPT);
      log.dropped += OUTPUT_LINES_KEPT;
    }
  };
  const onLine = (log: OutputLog, line: string): void => {
    // Cheap test first: almost no line mentions the prefix.
    const found = line.includes('goleak-run:') ? findRecord(line, key) : undefined;
    if (!found) {
      emit(log, line);
      return;
    }
    if (found.before !== '') emit(log, found.before);
    if (found.record.pkg === importPath && found.record.phase === 'final') record ??= found.record;
  };
  // The key's first char separates package output ('') from a test named ''.
  const newLog = (logKey: string, lines: string[]): OutputLog => {
    const log: OutputLog = { key: logKey, lines, dropped: 0, onLine: (line) => onLine(log, line) };
    return log;
  };
  const packageLog = newLog('', []);
  // A chatty test's lines come one after another: the last test looked up is kept at hand.
  let lastName: string | undefined;
  let last: { result: TestResult; log: OutputLog } | undefined;
  const testOf = (name: string): { result: TestResult; log: OutputLog } => {
    if (name === lastName && last) return last;
    let t = tests.get(name);
    if (!t) {
      const result: TestResult = { name, status: 'running', elapsedSeconds: 0, output: [] };
      t = { result, log: newLog(`t${name}`, result.output) };
      tests.set(name, t);
    }
    lastName = name;
    last = t;
    return t;
  };
  const trimmed = (log: OutputLog): string[] => {
    const { lines } = log;
    const extra = Math.max(0, lines.length - OUTPUT_LINES_KEPT);
    const total = log.dropped + extra;
    return total === 0 ? lines : [`[goleak-run: ${total} earlier lines of output not kept]`, ...lines.slice(extra)];
  };
  const flushAll = (): void => {
    for (const k of joiner.pendingKeys()) {
      const rest = joiner.flush(k);
      if (rest !== undefined) onLine(k === '' ? packageLog : testOf(k.slice(1)).log, rest);
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
        const log = test === undefined ? packageLog : testOf(test).log;
        joiner.each(log.key, event.Output ?? '', log.onLine);
        return;
      }
      const ended = event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip';
      if (test !== undefined) {
        const t = testOf(test).result;
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
        tests: [...tests.values()].map(({ result, log }) => ({ ...result, output: trimmed(log) })),
        output: trimmed(packageLog),
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

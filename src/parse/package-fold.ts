// Folds the events of one package into a PackageRun. Output lines go through a
// small state machine: leak-check marker blocks are lifted out of the output,
// `panic: test timed out` starts a timeout capture, other panics are noted.
import type { GoTestEvent, LeakCheck, PackageRun, TestResult } from '../model.js';
import { createLineJoiner } from './line-joiner.js';
import { findMarker } from './leak-markers.js';

const TIMEOUT_PREFIX = 'panic: test timed out after ';
const RUNNING_TESTS = '\trunning tests:';
const PANIC_PREFIX = 'panic: ';
const FATAL_PREFIX = 'fatal error: ';
const RECOVERED_SUFFIXES = [' [recovered, repanicked]', ' [recovered]'];

type Mode = 'normal' | 'leak-dump' | 'timeout-header' | 'timeout-dump' | 'panic-message';

/** Accumulates one package's events; `finish` turns them into a PackageRun. */
export interface PackageFold {
  push(event: GoTestEvent): void;
  /** True once the package-level pass/fail/skip event arrived. */
  readonly done: boolean;
  /** The run so far; unfinished lines are flushed and an open leak block is closed as is. */
  finish(buildOutput: string[]): PackageRun;
  /** FailedBuild of the package's fail event: the ImportPath whose build output explains it. */
  readonly failedBuild: string | undefined;
}

/** Creates the fold for package `importPath`. */
export function createPackageFold(importPath: string): PackageFold {
  const tests = new Map<string, TestResult>();
  const output: string[] = [];
  const joiner = createLineJoiner();
  let action: PackageRun['action'] = 'unknown';
  let elapsedSeconds = 0;
  let cached = false;
  let failedBuild: string | undefined;
  let done = false;
  let check: LeakCheck | undefined;
  let mode: Mode = 'normal';
  let leak: { waitedMs: number; lines: string[] } | undefined;
  let timeout: { lines: string[]; runningTests: string[] } | undefined;
  let panic: { test?: string; lines: string[] } | undefined;

  const testResult = (name: string): TestResult => {
    let t = tests.get(name);
    if (!t) {
      t = { name, status: 'running', elapsedSeconds: 0, output: [] };
      tests.set(name, t);
    }
    return t;
  };
  const emit = (line: string, test: string | undefined): void => {
    if (test !== undefined) testResult(test).output.push(line);
    else {
      output.push(line);
      if (line.startsWith('ok ') && line.includes('\t(cached)')) cached = true;
    }
  };

  const onLine = (line: string, test: string | undefined): void => {
    if (mode === 'leak-dump' && leak) {
      if (findMarker(line)?.marker.kind === 'end') {
        check = { kind: 'leaked', waitedMs: leak.waitedMs, dump: joinDump(leak.lines) };
        leak = undefined;
        mode = 'normal';
      } else leak.lines.push(line);
      return;
    }
    if (mode === 'timeout-dump' && timeout) {
      if (!isRunSummary(line)) {
        timeout.lines.push(line);
        return;
      }
      mode = 'normal';
    }
    const found = findMarker(line);
    if (found) {
      if (found.before !== '') onLine(found.before, test);
      else if (test === undefined && output[output.length - 1] === '') output.pop(); // the snippet's leading "\n"
      if (found.marker.kind === 'clean') check = found.marker;
      else if (found.marker.kind === 'begin') {
        leak = { waitedMs: found.marker.waitedMs, lines: [] };
        mode = 'leak-dump';
      }
      return;
    }
    if (mode === 'timeout-header' && timeout) {
      if (line.startsWith('goroutine ')) {
        mode = 'timeout-dump';
        timeout.lines.push(line);
        return;
      }
      if (line.startsWith('\t\t')) timeout.runningTests.push(testNameOf(line.slice(2)));
      else if (line !== RUNNING_TESTS && line !== '') mode = 'normal';
    } else if (mode === 'panic-message' && panic) {
      if (line === '' || line.startsWith('goroutine ')) mode = 'normal';
      else panic.lines.push(line);
    } else if (line.startsWith(TIMEOUT_PREFIX) && !timeout) {
      timeout = { lines: [], runningTests: [] };
      mode = 'timeout-header';
    } else if ((line.startsWith(PANIC_PREFIX) || line.startsWith(FATAL_PREFIX)) && !panic) {
      panic = { test, lines: [panicMessage(line)] };
      mode = 'panic-message';
    }
    emit(line, test);
  };

  const flushAll = (): void => {
    for (const key of joiner.pendingKeys()) {
      const rest = joiner.flush(key);
      if (rest !== undefined) onLine(rest, key === '' ? undefined : key.slice(1));
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
        const key = test === undefined ? '' : `t${test}`;
        for (const line of joiner.push(key, event.Output ?? '')) onLine(line, test);
        return;
      }
      if (test !== undefined) {
        const t = testResult(test);
        if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip') {
          t.status = event.Action;
          t.elapsedSeconds = event.Elapsed ?? t.elapsedSeconds;
        }
        return;
      }
      if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip') {
        flushAll();
        action = event.Action;
        elapsedSeconds = event.Elapsed ?? 0;
        if (event.FailedBuild !== undefined) failedBuild = event.FailedBuild;
        done = true;
      }
    },
    finish(buildOutput) {
      flushAll();
      const buildFailed = failedBuild !== undefined;
      const run: PackageRun = {
        importPath,
        action,
        elapsedSeconds,
        cached,
        tests: [...tests.values()],
        output,
        buildOutput,
        buildFailed,
        check: finalCheck(check, leak, buildFailed || action === 'skip'),
      };
      if (timeout) run.timeout = { dump: joinDump(timeout.lines), runningTests: timeout.runningTests };
      if (panic) run.panic = panic.test === undefined ? { message: panic.lines.join('\n') } : { test: panic.test, message: panic.lines.join('\n') };
      return run;
    },
  };
}

/**
 * An unterminated leak block (the binary died while printing) still holds a useful partial
 * dump. Packages that never ran a test binary (build failure, no test files) have nothing to
 * check and count as clean, so only a binary that ran and stayed silent is `missing`.
 */
function finalCheck(check: LeakCheck | undefined, leak: { waitedMs: number; lines: string[] } | undefined, notRun: boolean): LeakCheck {
  if (leak) return { kind: 'leaked', waitedMs: leak.waitedMs, dump: joinDump(leak.lines) };
  if (check) return check;
  return notRun ? { kind: 'clean', waitedMs: 0 } : { kind: 'missing' };
}

function joinDump(lines: string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** `FAIL\tpkg\t1.0s`, `ok  \tpkg…`, `FAIL`, `exit status 2`: the end of a dump printed before exit. */
function isRunSummary(line: string): boolean {
  return line === 'FAIL' || line.startsWith('FAIL\t') || line.startsWith('ok  \t') || line.startsWith('exit status ');
}

/** `TestHang (1s)` → `TestHang`. */
function testNameOf(entry: string): string {
  const paren = entry.lastIndexOf(' (');
  return paren > 0 && entry.endsWith(')') ? entry.slice(0, paren) : entry;
}

function panicMessage(line: string): string {
  let msg = line.startsWith(PANIC_PREFIX) ? line.slice(PANIC_PREFIX.length) : line;
  for (const suffix of RECOVERED_SUFFIXES) if (msg.endsWith(suffix)) msg = msg.slice(0, -suffix.length);
  return msg;
}

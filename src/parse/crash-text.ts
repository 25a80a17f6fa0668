// Reads what the Go runtime wrote to the check's crash file (debug.SetCrashOutput): the
// panic or fatal error message and the goroutine traceback. Only the runtime writes that
// file, so unlike the test's output it can be believed.

/** A crash as the runtime reported it. */
export interface Crash {
  /** `test timed out after 1s`, `boom [recovered]`, `fatal error: all goroutines are asleep`, … */
  message: string;
  /** `-timeout` fired: the tests that were still running. */
  timeout?: { runningTests: string[] };
  /** The traceback, from the first `goroutine N [` line; '' when there is none. */
  dump: string;
}

const TIMEOUT_PREFIX = 'test timed out after ';
const RECOVERED_SUFFIXES = [' [recovered, repanicked]', ' [recovered]'];

/** Parses crash text; undefined when the file is empty (the binary did not crash). */
export function parseCrash(text: string): Crash | undefined {
  if (text.trim() === '') return undefined;
  const lines = text.split('\n');
  const dumpAt = lines.findIndex((l) => /^goroutine \d+ \[/.test(l));
  const head = (dumpAt < 0 ? lines : lines.slice(0, dumpAt)).filter((l) => l !== '');
  let message = head[0] ?? '';
  if (message.startsWith('panic: ')) message = message.slice('panic: '.length);
  for (const suffix of RECOVERED_SUFFIXES) if (message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  const crash: Crash = { message, dump: dumpAt < 0 ? '' : `${lines.slice(dumpAt).join('\n').trimEnd()}\n` };
  if (message.startsWith(TIMEOUT_PREFIX)) {
    // "\trunning tests:" then one "\t\tTestName (1s)" line per test.
    const runningTests = head.filter((l) => l.startsWith('\t\t')).map((l) => testNameOf(l.slice(2)));
    crash.timeout = { runningTests };
  }
  return crash;
}

/** `TestHang (1s)` → `TestHang`. */
function testNameOf(entry: string): string {
  const paren = entry.lastIndexOf(' (');
  return paren > 0 && entry.endsWith(')') ? entry.slice(0, paren) : entry;
}

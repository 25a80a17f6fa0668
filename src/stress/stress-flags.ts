// Pure split of the go test flags for --stress: the test binary is built once with `go test -c`
// (build flags) and run many times directly (test flags, as -test.name=value).
import { parseDuration } from '../config/duration.js';
import { UsageError } from '../errors.js';
import type { GoTestFlags } from '../run/go-test-flags.js';

/** Test flags passed on to each run of the binary. */
const PASSED = new Set(['run', 'skip', 'short', 'failfast', 'parallel', 'fullpath', 'benchtime', 'v']);

/** Test flags the stress loop chooses itself, or that would write over each other run after run. */
const REFUSED: Record<string, string> = {
  count: 'the stress loop chooses -count for each chunk of runs',
  bench: 'the stress loop runs tests, not benchmarks',
  fuzz: 'the stress loop runs tests, not the fuzzing engine',
  cover: 'coverage of thousands of runs would be written over at every run',
  covermode: 'coverage of thousands of runs would be written over at every run',
  coverpkg: 'coverage of thousands of runs would be written over at every run',
  coverprofile: 'coverage of thousands of runs would be written over at every run',
  cpuprofile: 'profiles of thousands of runs would be written over at every run',
  memprofile: 'profiles of thousands of runs would be written over at every run',
  blockprofile: 'profiles of thousands of runs would be written over at every run',
  mutexprofile: 'profiles of thousands of runs would be written over at every run',
  trace: 'traces of thousands of runs would be written over at every run',
  exec: 'the stress loop runs the test binary itself',
};

/** Flags after -args that would override the chunk's own settings. */
const OWN_BINARY_FLAGS = new Set(['count', 'cpu', 'shuffle', 'timeout', 'v']);

/** Flags of go test itself, meaningless for a binary run directly (vet runs in the normal run before). */
const DROPPED = new Set(['vet', 'json']);

/** The go test flags, sorted for a build once and many direct runs. */
export interface StressFlags {
  /** Flags for `go test -c` (e.g. -race, -tags), as given. */
  build: string[];
  /** Flags for each run of the binary, as `-test.name=value`. */
  test: string[];
  /** `-cpu` fixed by the user: every chunk uses it. */
  cpu?: number[];
  /** `-shuffle` fixed by the user: `off`, `on` or a seed. */
  shuffle?: string;
  /** `-timeout` given by the user, in milliseconds (0 = none). */
  timeoutMs?: number;
  /** Everything after -args. */
  binaryArgs: string[];
}

/** Sorts the parsed go test flags; refuses those the stress loop cannot honour, in one line. */
export function splitStressFlags(flags: GoTestFlags): StressFlags {
  const out: StressFlags = { build: [], test: [], binaryArgs: flags.testBinaryArgs };
  for (const token of flags.passThrough) {
    const m = /^--?(?:test\.)?([A-Za-z][\w.-]*)(?:=(.*))?$/s.exec(token);
    const name = m?.[1] ?? '';
    const value = m?.[2];
    const refused = REFUSED[name];
    if (refused) throw new UsageError(`expected no -${name} with --stress, found ${token}: ${refused}`);
    if (DROPPED.has(name)) continue;
    if (name === 'cpu') out.cpu = parseCpu(value ?? '', token);
    else if (name === 'shuffle') out.shuffle = value ?? '';
    else if (name === 'timeout') out.timeoutMs = parseTimeout(value ?? '', token);
    else if (PASSED.has(name)) {
      // -v is always on for the event stream: -v alone says nothing more.
      if (name !== 'v') out.test.push(value === undefined ? `-test.${name}` : `-test.${name}=${value}`);
    } else out.build.push(token);
  }
  for (const arg of flags.testBinaryArgs) {
    const m = /^--?test\.(\w+)/.exec(arg);
    if (m && OWN_BINARY_FLAGS.has(m[1] as string)) {
      throw new UsageError(`expected -${m[1]} before -args with --stress, found ${arg} after it`);
    }
  }
  return out;
}

function parseCpu(value: string, token: string): number[] {
  const list = value.split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > 1024)) {
    throw new UsageError(`expected -cpu to be a list of positive numbers, found ${token}`);
  }
  return list;
}

function parseTimeout(value: string, token: string): number {
  try {
    return parseDuration(value);
  } catch (cause) {
    throw new UsageError(`expected -timeout to be a Go duration, found ${token}`, { cause });
  }
}

// Pure validation of the go test flags given after `--`: which we pass through, merge or refuse.
import { UsageError } from '../errors.js';

/** go test and go build flags that take a value (as `-flag value` or `-flag=value`). */
const VALUE_FLAGS = new Set([
  'run',
  'skip',
  'bench',
  'benchtime',
  'count',
  'cpu',
  'parallel',
  'timeout',
  'shuffle',
  'list',
  'coverprofile',
  'covermode',
  'coverpkg',
  'cpuprofile',
  'memprofile',
  'memprofilerate',
  'blockprofile',
  'blockprofilerate',
  'mutexprofile',
  'mutexprofilefraction',
  'trace',
  'outputdir',
  'fuzz',
  'fuzztime',
  'fuzzminimizetime',
  'tags',
  'ldflags',
  'gcflags',
  'asmflags',
  'gccgoflags',
  'mod',
  'modfile',
  'overlay',
  'pkgdir',
  'exec',
  'o',
  'p',
  'vet',
  'toolexec',
  'buildvcs',
  'pgo',
  'compiler',
  'installsuffix',
  'debug-trace',
  'covermode',
  'reuse',
  'C',
]);

/** Flags that change which files `go list` sees, so they are passed to it too. */
const LIST_FLAGS = new Set(['tags', 'mod', 'modfile']);

/** Flags that stop go test from running the tests we must observe, with the reason shown to the user. */
const REFUSED: Record<string, string> = {
  json: 'goleak-run always runs go test with -json; use --json FILE for a JSON report',
  c: 'goleak-run must run the tests; -c only compiles them',
  o: 'goleak-run must run the tests; -o only compiles them',
  list: 'goleak-run must run the tests; -list only lists them',
  C: 'use goleak-run -C DIR (before the packages) instead of go test -C',
  n: 'goleak-run must run the tests; -n only prints the commands',
};

// strconv.ParseBool's false values: -v=false makes go test -json drop the per-test events.
const FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

function checkVerbose(name: string, value: string | undefined, arg: string): void {
  if (name === 'v' && value !== undefined && FALSE_VALUES.has(value)) {
    throw new UsageError(
      `${arg} cannot be used: goleak-run reads each test's events, which go test -json prints only with -v on`,
    );
  }
}

/** The go test flags split by their meaning to us. */
export interface GoTestFlags {
  /** Flags passed through to go test unchanged, in order. */
  passThrough: string[];
  /** Flags also passed to go list (-tags, -mod, -modfile, and the user's -overlay). */
  listFlags: string[];
  /** The user's own overlay file, merged into ours. */
  userOverlay?: string;
  /** -run / -skip filters: a run with them is partial for the baseline. */
  run?: string;
  skip?: string;
  /** Everything after -args, passed to the test binaries. */
  testBinaryArgs: string[];
}

/** Parses the flags after `--`; refuses the ones that would break the leak check. */
export function parseGoTestFlags(args: readonly string[]): GoTestFlags {
  const out: GoTestFlags = { passThrough: [], listFlags: [], testBinaryArgs: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-args' || arg === '--args') {
      out.testBinaryArgs = args.slice(i + 1);
      for (const binaryArg of out.testBinaryArgs) {
        const v = /^--?test\.v(?:=(.*))?$/s.exec(binaryArg);
        if (v) checkVerbose('v', v[1], binaryArg);
      }
      break;
    }
    const m = /^--?([A-Za-z][\w.-]*)(?:=(.*))?$/s.exec(arg);
    if (!m)
      throw new UsageError(`expected go test flags after --, found ${JSON.stringify(arg)}; put packages before --`);
    const name = (m[1] as string).replace(/^test\./, '');
    let value = m[2];
    const takesValue = VALUE_FLAGS.has(name);
    if (takesValue && value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`expected a value after -${name}, found the end of the arguments`);
    }
    const refused = REFUSED[name];
    // Every form of -json is refused: -json=false after ours would turn the event stream off.
    if (refused) throw new UsageError(`${arg} cannot be used: ${refused}`);
    checkVerbose(name, value, arg);
    if (name === 'overlay') {
      // go test gets it merged into ours; go list gets it as is, so files only in it are seen.
      out.userOverlay = value;
      out.listFlags.push(`-overlay=${value}`);
      continue;
    }
    if (name === 'run') out.run = value;
    if (name === 'skip') out.skip = value;
    const tokens = takesValue ? [`-${name}=${value}`] : [arg];
    out.passThrough.push(...tokens);
    if (LIST_FLAGS.has(name)) out.listFlags.push(...tokens);
  }
  return out;
}

// Pure construction of the environment and arguments of the go test run.
import { RESULTS_ENV } from '../check-protocol.js';

/** How many creator stacks each goroutine remembers: enough to walk from a leak up to its test. */
const TRACEBACK_ANCESTORS = 10;

/**
 * Adds what the injected check needs to the user's environment, keeping their GODEBUG settings.
 * A tracebackancestors the user set wins: ancestor blocks in every runtime.Stack break stack
 * parsers such as gomega/gleak's and Ginkgo's, and `tracebackancestors=0` is how to opt out
 * (tests are then told only from the goroutine's creator).
 */
export function buildTestEnv(env: NodeJS.ProcessEnv, resultsDir: string): NodeJS.ProcessEnv {
  const godebug = (env.GODEBUG ?? '').split(',').filter((s) => s !== '');
  if (!godebug.some((s) => s.startsWith('tracebackancestors='))) {
    godebug.push(`tracebackancestors=${TRACEBACK_ANCESTORS}`);
  }
  return { ...env, GODEBUG: godebug.join(','), [RESULTS_ENV]: resultsDir };
}

/** Whether the test binaries will record ancestor stacks: ours, unless the user's GODEBUG sets its own. */
export function ancestorsOn(env: NodeJS.ProcessEnv): boolean {
  const godebug = buildTestEnv(env, '').GODEBUG ?? '';
  const value = godebug.split(',').find((s) => s.startsWith('tracebackancestors='));
  return Number(value?.slice('tracebackancestors='.length)) > 0;
}

/** The full `go test` argument list (without `test` itself). */
export function buildGoTestArgs(opts: {
  overlayFile: string;
  passThrough: string[];
  packages: string[];
  testBinaryArgs: string[];
}): string[] {
  const args = ['-json', `-overlay=${opts.overlayFile}`, ...opts.passThrough, ...opts.packages];
  if (opts.testBinaryArgs.length > 0) args.push('-args', ...opts.testBinaryArgs);
  return args;
}

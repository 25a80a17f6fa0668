// Goroutines that are not leaks of the code under test. Each entry was checked against a
// recorded dump in test/classify/data (named in the reason's last words).
import type { Goroutine, IgnoreRule } from '../model.js';

function rule(kind: IgnoreRule['kind'], func: string, reason: string): IgnoreRule {
  return { kind, func, reason, origin: 'built-in' };
}

/** The tool's own list of runner and runtime goroutines, applied to every package. */
export const BUILTIN_IGNORES: readonly IgnoreRule[] = [
  rule(
    'top',
    'testing.(*T).Run',
    'the main goroutine and parent tests waiting for a running (sub)test to finish (timeout.txt)',
  ),
  rule('top', 'testing.(*T).Parallel', 'a t.Parallel() test paused until the sequential tests are done (timeout.txt)'),
  rule('any', 'testing.(*M).startAlarm*', 'the -timeout alarm that panics and prints the dump (timeout.txt)'),
  rule('top', 'testing.runFuzzTests', 'the main goroutine waiting for a fuzz target (timeout-fuzz.txt)'),
  rule(
    'top',
    'testing.(*F).Fuzz.func1',
    'a fuzz target waiting for one of its seed inputs to finish (timeout-fuzz.txt)',
  ),
  rule(
    'any',
    'internal/fuzz.*',
    'the fuzzing engine (coordinator and workers) under -fuzz; not recorded, go test discards fuzz worker output',
  ),
  rule('any', 'os/signal.loop', 'the signal delivery loop signal.Notify starts once per process (leaks.txt)'),
  rule(
    'created-by',
    'runtime.*',
    'runtime system goroutines (GC workers, finalizers, runtime.ensureSigM …), shown under GOTRACEBACK=system (timeout-system.txt)',
  ),
  rule('created-by', 'runtime/pprof.StartCPUProfile', 'the -cpuprofile writer while the profile is on (profiled.txt)'),
  rule('created-by', 'runtime/trace.*', 'the -trace reader while the trace is on (profiled.txt)'),
  rule(
    'created-by',
    'github.com/onsi/ginkgo/v2/internal/interrupt_handler.*',
    "Ginkgo's interrupt handler, kept for the whole process by every suite's RunSpecs (ginkgo.txt)",
  ),
];

// The injected TestMain names every function it defines with this prefix.
const OWN_PREFIX = 'goleakrun';

// --stress's perturbation point (templates/perturb.go.tmpl) pauses the user's own goroutines.
const STRESS_POINT = '.goleakrunPerturb';
const own = (func: string): boolean => func.includes(OWN_PREFIX) && !func.endsWith(STRESS_POINT);

/** The leak check's own goroutine: any own frame, or the creator, belongs to the injected snippet. */
export function isOwnCheckGoroutine(g: Goroutine): boolean {
  return g.frames.some((f) => own(f.func)) || (g.createdBy ? own(g.createdBy.func) : false);
}

// Telling the runtime's and standard library's frames from the user's, without the binary:
// the blocking location LeakProf reports is the innermost frame of the service's own code.
import type { StackFrame } from './profile-types.js';

/**
 * A standard-library frame: its import path's first element has no dot (`net/http`, `sync`,
 * `internal/poll`, `vendor/golang.org/x/net/...`) and is not `main`, and its file lies in
 * that package's directory under a `src/` tree (GOROOT) or, built with -trimpath, at the
 * directory itself; or in the runtime's directory, where functions linknamed into other
 * packages live (`sync.runtime_SemacquireMutex` in runtime/sema.go, `time.Sleep` in
 * runtime/time.go). A dotless module (`module myservice`) built in place keeps its own
 * absolute path without `/src/myservice/`, so it still counts as user code.
 */
export function isStdFrame(frame: StackFrame, cache: Map<string, boolean>): boolean {
  const known = cache.get(frame.func);
  if (known !== undefined) return known;
  const std = computeStd(frame);
  cache.set(frame.func, std);
  return std;
}

function computeStd(frame: StackFrame): boolean {
  const pkg = packagePath(frame.func);
  if (pkg === '' || pkg === 'main' || pkg.startsWith('main_')) return false;
  const first = pkg.split('/', 1)[0] ?? '';
  if (first.includes('.')) return false;
  // Function names from the runtime have no file in a few synthetic frames; trust the name then.
  if (frame.file === '' || frame.file === '?') return true;
  const f = frame.file;
  return (
    f.includes(`/src/${pkg}/`) || f.startsWith(`${pkg}/`) || f.includes('/src/runtime/') || f.startsWith('runtime/')
  );
}

/** Import path of a qualified function name: `net/http.(*conn).serve` → `net/http`. */
export function packagePath(func: string): string {
  // pprof spells out type arguments (`F[go.shape.*example.com/x.T]`), which may hold slashes.
  const bracket = func.indexOf('[');
  const name = bracket < 0 ? func : func.slice(0, bracket);
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  return dot < 0 ? '' : name.slice(0, dot);
}

/** Index of the innermost user-code frame; -1 when every frame is the runtime's or the standard library's. */
export function userFrameIndex(frames: readonly StackFrame[], cache: Map<string, boolean>): number {
  for (let i = 0; i < frames.length; i++) {
    if (!isStdFrame(frames[i] as StackFrame, cache)) return i;
  }
  return -1;
}

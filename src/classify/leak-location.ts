// Where a leak was created in the user's code: the first frame inside the module along the
// creation chain. A goroutine started by a library (httptest, net/http's transport) is
// located at the user's call into that library, which the ancestor stacks hold.
import type { GoFile } from '../go-source/go-functions.js';
import type { Frame, Goroutine, LeakLocation } from '../model.js';
import { callLine } from './call-line.js';
import { relativeToModule } from './module-paths.js';

interface Site {
  func: string;
  file: string;
  line: number;
  /** For an ancestor frame, whose line is a return address: the function it was calling. */
  calling?: string;
}

// Files the module holds but the user did not write: vendored dependencies and the files the
// overlay adds to each package (`goleakrun_*`).
function isUserFile(file: string, moduleDir: string): boolean {
  const relative = relativeToModule(file, moduleDir);
  if (relative === file) return false;
  return !relative.startsWith('vendor/') && !/(^|\/)goleakrun_[^/]*$/.test(relative);
}

const site = (f: Frame): Site => ({ func: f.func, file: f.file, line: f.line });

/**
 * Sites along the chain, nearest first: the `go` statement, then each ancestor's frames and the
 * `go` statement that started it, then the goroutine's own frames (innermost first). The own
 * frames come last: they show where the goroutine is now, and a goroutine a library started
 * (sync.WaitGroup.Go, errgroup, net/http) began at the user's call the ancestors hold. Without
 * ancestors (time.AfterFunc, GODEBUG=tracebackancestors=0) they are all there is.
 * An ancestor's first frame is the `go` statement already named, with a less exact line
 * (a return address), so it is skipped; the other ancestor lines are moved back to their call.
 */
function creationChain(g: Goroutine): Site[] {
  const sites: Site[] = [];
  if (g.createdBy) sites.push(g.createdBy);
  let previous = g.createdBy;
  for (const a of g.ancestors) {
    a.frames.forEach((f, n) => {
      if (n > 0) sites.push({ ...site(f), calling: (a.frames[n - 1] as Frame).func });
      else if (!previous) sites.push(site(f));
    });
    if (a.createdBy) sites.push(a.createdBy);
    previous = a.createdBy;
  }
  sites.push(...g.frames.map(site));
  return sites;
}

/**
 * The first site inside the module, or, when the whole chain is outside it, the `go`
 * statement itself with `inModule: false`. Undefined when there is no `go` statement and no
 * module frame (the main goroutine).
 */
export function leakLocation(
  g: Goroutine,
  moduleDir: string,
  goFile: (absFile: string) => GoFile | undefined,
): LeakLocation | undefined {
  const found = creationChain(g).find((s) => isUserFile(s.file, moduleDir));
  const chosen = found ?? g.createdBy;
  if (!chosen) return undefined;
  const line = found?.calling ? callLine(goFile(found.file), found.func, found.calling, found.line) : chosen.line;
  return { file: relativeToModule(chosen.file, moduleDir), line, func: chosen.func, inModule: found !== undefined };
}

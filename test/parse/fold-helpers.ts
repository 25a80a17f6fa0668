// Runs recorded or hand-written go test -json streams through the fold.
import { createRunFold, type FoldProgress, type RunFoldOptions } from '../../src/parse/run-fold.js';
import { isParseWarning, parseEventLine } from '../../src/parse/event-line.js';
import type { GoTestEvent, PackageRun, ParseWarning } from '../../src/model.js';
import { recorded } from './recorded.js';

/** What folding one stream produced. */
export interface Folded {
  runs: PackageRun[];
  progress: FoldProgress[];
  warnings: ParseWarning[];
}

/** Folds the lines of a go test -json stream. */
function foldText(text: string, opts?: RunFoldOptions): Folded {
  const fold = createRunFold(opts);
  const progress: FoldProgress[] = [];
  const warnings: ParseWarning[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const ev = parseEventLine(line, i + 1);
    if (isParseWarning(ev)) warnings.push(ev);
    else {
      const p = fold.push(ev);
      if (p) progress.push(p);
    }
  });
  return { runs: fold.result(), progress, warnings };
}

/** Folds a recording under fixtures/dumps/recorded/. */
export function foldRecorded(name: string, opts?: RunFoldOptions): Folded {
  return foldText(recorded(name), opts);
}

/** Folds hand-written events. */
export function foldEvents(events: GoTestEvent[], opts?: RunFoldOptions): Folded {
  return foldText(events.map((e) => JSON.stringify(e)).join('\n'), opts);
}

/** The run of one package, failing loudly when absent. */
export function runOf(folded: Folded, importPath: string): PackageRun {
  const run = folded.runs.find((r) => r.importPath === importPath);
  if (!run) throw new Error(`no run for ${importPath}`);
  return run;
}

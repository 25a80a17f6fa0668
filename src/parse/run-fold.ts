// The streaming fold over a whole `go test -json` run (gotestsum-style): events of
// many packages interleave, so everything is keyed by package; build output is
// keyed by the ImportPath of build events and joined to packages at the end.
import type { GoTestEvent, PackageRun } from '../model.js';
import { packageOfImportPath } from './build-import-path.js';
import { createLineJoiner } from './line-joiner.js';
import { type PackageFold, createPackageFold } from './package-fold.js';

/** Reported by `push` when a package's final event arrives, for live progress. */
export interface FoldProgress {
  kind: 'package-done';
  importPath: string;
  run: PackageRun;
  /** The leak check printed a dump: some goroutine outlived the tests. */
  leakFound: boolean;
}

/** Options of the fold. */
export interface RunFoldOptions {
  /** Maps a build output line back to the user's files (the overlay renames them). */
  rewriteOutput?: (line: string) => string;
  /** The machine's key: only records signed with it are the check's (none verify without it). */
  key?: string;
}

/** The fold: push events in stream order, read the runs when the stream ends. */
export interface RunFold {
  push(event: GoTestEvent): FoldProgress | undefined;
  /** Every package seen, in order of first appearance; unfinished ones have action `unknown`. */
  result(): PackageRun[];
}

/** Creates an empty fold. */
export function createRunFold(opts: RunFoldOptions = {}): RunFold {
  const rewrite = opts.rewriteOutput ?? ((line: string) => line);
  const packages = new Map<string, PackageFold>();
  const finished = new Map<string, PackageRun>();
  // Raw ImportPath → lines, in first-seen order.
  const buildLines = new Map<string, string[]>();
  const buildJoiner = createLineJoiner();
  // The package of the previous event, not finished: a chatty test's events come one after another.
  let last: { importPath: string; fold: PackageFold } | undefined;

  const addBuildLine = (importPath: string, line: string): void => {
    let lines = buildLines.get(importPath);
    if (!lines) {
      lines = [];
      buildLines.set(importPath, lines);
    }
    lines.push(rewrite(line));
  };
  const flushBuild = (importPath: string): void => {
    const rest = buildJoiner.flush(importPath);
    if (rest !== undefined) addBuildLine(importPath, rest);
  };
  const buildOutputFor = (importPath: string, failedBuild: string | undefined): string[] => {
    const out: string[] = [];
    const keys = [...buildLines.keys()].filter((k) => packageOfImportPath(k) === importPath);
    if (failedBuild !== undefined && !keys.includes(failedBuild)) keys.push(failedBuild);
    for (const key of keys) {
      flushBuild(key);
      out.push(...(buildLines.get(key) ?? []));
    }
    return out;
  };
  const runOf = (importPath: string, fold: PackageFold): PackageRun =>
    fold.finish(buildOutputFor(importPath, fold.failedBuild));

  return {
    push(event) {
      if (event.Action === 'build-output' || event.Action === 'build-fail') {
        if (event.ImportPath === undefined) return undefined;
        if (event.Action === 'build-fail') flushBuild(event.ImportPath);
        else
          for (const line of buildJoiner.push(event.ImportPath, event.Output ?? ''))
            addBuildLine(event.ImportPath, line);
        return undefined;
      }
      const importPath = event.Package;
      if (importPath === undefined) return undefined;
      let fold = importPath === last?.importPath ? last.fold : undefined;
      if (!fold) {
        if (finished.has(importPath)) return undefined;
        fold = packages.get(importPath);
        if (!fold) {
          fold = createPackageFold(importPath, opts.key ?? '');
          packages.set(importPath, fold);
        }
        last = { importPath, fold };
      }
      fold.push(event);
      if (!fold.done) return undefined;
      last = undefined;
      const run = runOf(importPath, fold);
      finished.set(importPath, run);
      return { kind: 'package-done', importPath, run, leakFound: run.check.kind === 'leaked' };
    },
    result() {
      return [...packages].map(([importPath, fold]) => finished.get(importPath) ?? runOf(importPath, fold));
    },
  };
}

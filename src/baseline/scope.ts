// Which baseline entries a run speaks for.
import { PACKAGE_LEVEL, UNKNOWN_TEST } from '../classify/attribution-name.js';
import type { PackageRun } from '../model.js';
import type { BaselineEntry, RunScope } from './types.js';

/** Scope of a run: packages that ran with a leak check that reported (a missing check proves nothing). */
export function runScopeOf(runs: PackageRun[], opts: { partialTests: boolean }): RunScope {
  const ran = runs.filter(
    (r) => !r.buildFailed && (r.action === 'pass' || r.action === 'fail') && r.check.kind !== 'missing',
  );
  return {
    packages: new Set(ran.map((r) => r.importPath)),
    testsRun: new Map(
      ran.map((r) => [r.importPath, new Set(r.tests.filter((t) => t.status !== 'skip').map((t) => t.name))]),
    ),
    allTests: !opts.partialTests,
  };
}

function testCovered(pkg: string, test: string, scope: RunScope): boolean {
  if (test === PACKAGE_LEVEL) return true;
  if (test === UNKNOWN_TEST) return scope.allTests;
  return scope.testsRun.get(pkg)?.has(test) ?? false;
}

/** True when the run would have seen the entry's leak again had it still been there: every test that leaked it ran. */
export function isCovered(entry: BaselineEntry, scope: RunScope): boolean {
  if (!scope.packages.has(entry.package)) return false;
  return entry.tests.every((t) => testCovered(entry.package, t.name, scope));
}

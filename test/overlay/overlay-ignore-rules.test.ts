// Ignore rules are applied inside the test binary: a package whose only leftovers
// are ignored reports clean at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IgnoreRule } from '../../src/model.js';
import {
  type GoTestRun,
  goTestWithOverlay,
  listPackages,
  overlayFor,
  packageOutput,
  testmainModule,
} from './go-run.js';
import { findMarkers, ignoredCounts, type Marker } from './markers.js';

const dirs = ['noTestMain', 'exitRun', 'mainPkg', 'aliasExit', 'onlyExternal'];
const rule = (kind: IgnoreRule['kind'], func: string, packages?: string[]): IgnoreRule => ({
  kind,
  func,
  reason: 'test',
  origin: 'cli',
  ...(packages ? { packages } : {}),
});
const rules: IgnoreRule[] = [
  // The top frame is noTestMain.Wait (inlined, still printed); leakNoTestMain is the second.
  rule('any', 'example.com/testmain/noTestMain.leakNo*'),
  rule('top', 'example.com/testmain/exitRun.leakExitRun'),
  rule('created-by', 'example.com/testmain/mainPkg.TestLeaks', ['example.com/testmain/...']),
  // Right function, but limited to other packages.
  rule('created-by', 'example.com/testmain/aliasExit.TestLeaks', ['example.com/elsewhere/...']),
  // The creator is not the top frame: a `top` rule must not match it.
  rule('top', 'example.com/testmain/onlyExternal_test.TestLeaks'),
];

let overlay: Awaited<ReturnType<typeof overlayFor>>;
let run: GoTestRun;
beforeAll(async () => {
  overlay = await overlayFor(
    await listPackages(
      testmainModule,
      dirs.map((d) => `./${d}`),
    ),
    { maxWaitMs: 300, rules },
  );
  run = await goTestWithOverlay(
    testmainModule,
    overlay.written.overlayFile,
    dirs.map((d) => `./${d}`),
  );
});
afterAll(async () => {
  await overlay?.cleanup();
});

const markers = (dir: string): Marker[] => findMarkers(packageOutput(run, `example.com/testmain/${dir}`));

describe('ignore rules in the test binary', () => {
  it.each(['noTestMain', 'exitRun', 'mainPkg'])('%s: the only leak is ignored, so clean without waiting', (dir) => {
    // Clean without waiting out the 300ms max wait; a just-finished test goroutine may take a
    // millisecond to exit, so the wait is bounded rather than exactly zero.
    expect(markers(dir).map((m) => m.kind)).toEqual(['clean']);
    expect(markers(dir)[0]!.waited).toBeLessThan(100);
    // The binary counts what it dropped, so the report can say so without a dump.
    expect(ignoredCounts(packageOutput(run, `example.com/testmain/${dir}`))).toEqual([1]);
  });

  it.each(['aliasExit', 'onlyExternal'])('%s: a rule for other packages or another frame leaves the leak', (dir) => {
    expect(markers(dir).map((m) => m.kind)).toEqual(['leaked']);
  });
});

// Package reports built from the recorded real dumps of test/classify/data.
import { toPackageReport } from '../../src/classify/index.js';
import type { PackageReport, PackageRun } from '../../src/model.js';
import { runScopeOf, type RunScope } from '../../src/baseline/index.js';
import {
  loadDump,
  readRecordedSource,
  RECORDED_MODULE_DIR,
  RECORDED_MODULE_PATH,
} from '../classify/support/parse-dump.js';

/** A passing run of example.com/leaky/leaks whose check found the given dump's leaks. */
export function leaksRun(): PackageRun {
  const tests = [
    'TestTop',
    'TestSub',
    'TestSub/with_space',
    'TestSub/outer',
    'TestSub/outer/inner#x',
    'TestTable',
    'TestParallel',
    'TestNested',
    'TestHTTPServer',
    'TestAfterFunc',
    'TestExternal',
    'FuzzSeed',
    'ExampleServe',
  ];
  return {
    importPath: `${RECORDED_MODULE_PATH}/leaks`,
    action: 'pass',
    elapsedSeconds: 0.4,
    cached: false,
    tests: tests.map((name) => ({ name, status: 'pass', elapsedSeconds: 0, output: [] })),
    output: [],
    buildOutput: [],
    buildFailed: false,
    check: { kind: 'leaked', waitedMs: 300, ignored: 0, groups: [] },
  };
}

/** The report of the leaks package from a recorded dump (`leaks.txt` or `leaks-shifted.txt`). */
export function leaksReport(dumpFile = 'leaks.txt', readSource = readRecordedSource): PackageReport {
  return toPackageReport(
    leaksRun(),
    { endOfRun: loadDump(dumpFile) },
    {
      modulePath: RECORDED_MODULE_PATH,
      moduleDir: RECORDED_MODULE_DIR,
      packageDir: `${RECORDED_MODULE_DIR}/leaks`,
      rules: [],
      readSource,
    },
  );
}

/** Scope of a full run of the leaks package. */
export function fullScope(): RunScope {
  return runScopeOf([leaksRun()], { partialTests: false });
}

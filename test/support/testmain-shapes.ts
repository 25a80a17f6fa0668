// The packages of fixtures/testmain that leak, with the function each one leaks from
// (the table in fixtures/testmain/README.md), shared by the overlay and end-to-end tests.

/** [package directory, leaked function] for every TestMain shape that must report its leak. */
export const LEAKING_TESTMAIN_SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['noTestMain', 'leakNoTestMain'],
  ['exitRun', 'leakExitRun'],
  ['teardownAfterRun', 'leakTeardownAfterRun'],
  ['aliasExit', 'leakAliasExit'],
  ['returnOnly', 'leakReturnOnly'],
  ['helperRun', 'leakHelperRun'],
  ['externalTestMain', 'leakExternalTestMain'],
  ['tricky', 'leakTricky'],
  ['mainPkg', 'leakMainPkg'],
  ['onlyExternal', 'leakOnlyExternal'],
];

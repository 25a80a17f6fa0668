import { describe, it, expect } from 'vitest';
import { packageReports } from '../../src/app/assemble-report.js';
import type { ExecutedRun } from '../../src/app/execute-run.js';
import { GoleakRunError } from '../../src/errors.js';
import type { Dump, PackageRun, ResolvedPackage } from '../../src/model.js';
import { parseDump } from '../../src/parse/index.js';
import type { Resolution } from '../../src/resolve/resolve-packages.js';
import { foldRecorded } from '../parse/fold-helpers.js';

// Real runs folded from recorded go test -json streams (fixtures/dumps/regenerate.sh):
// markleak leaks at the end of its run, timeout hangs and prints the -timeout dump.
const MODULE_DIR = '/home/gopher/dumps';
const P = 'example.com/dumps/gotest';
const runs: PackageRun[] = [...foldRecorded('markers.jsonl').runs, ...foldRecorded('timeout.jsonl').runs];
const pkg = (name: string): ResolvedPackage => ({
  importPath: `${P}/${name}`,
  dir: `${MODULE_DIR}/gotest/${name}`,
  name,
  goFiles: [],
  testGoFiles: [`${name}_test.go`],
  xTestGoFiles: [],
  noTestFiles: false,
});
const resolution: Resolution = {
  module: { path: 'example.com/dumps', dir: MODULE_DIR, goVersion: 'go1.26.0' },
  goRoot: '/usr/local/go',
  packages: [pkg('markclean'), pkg('markleak'), pkg('timeout')],
};
const executed: ExecutedRun = { runs, warnings: [], notes: new Map() };
const leakDump = runs.find((r) => r.importPath === `${P}/markleak`)?.check;

function reports(parse?: (text: string) => Dump) {
  return packageReports({
    resolution,
    executed,
    settings: { rules: [] },
    readSource: () => undefined,
    ...(parse ? { parseDump: parse } : {}),
  });
}

// Throws on markleak's dump only, the way a parser bug on one odd dump would.
function failingOn(dump: string, error: unknown): (text: string) => Dump {
  return (text) => {
    if (text === dump) throw error;
    return parseDump(text);
  };
}

describe('packageReports', () => {
  it('classifies every package of the recorded runs', () => {
    expect(leakDump?.kind).toBe('leaked');
    const byPath = new Map(reports().map((r) => [r.importPath, r]));
    expect(byPath.get(`${P}/markclean`)).toMatchObject({ status: 'passed', leaks: [], warnings: [] });
    expect(byPath.get(`${P}/markleak`)?.status).toBe('leaked');
    expect(byPath.get(`${P}/markleak`)?.leaks.length).toBeGreaterThan(0);
    expect(byPath.get(`${P}/timeout`)?.status).toBe('failed');
    expect(byPath.get(`${P}/timeout`)?.leaks.length).toBeGreaterThan(0);
  });

  it('an unexpected error in one package becomes a warning there; the others are still classified', () => {
    if (leakDump?.kind !== 'leaked') throw new Error('markleak did not leak in the recording');
    const plain = reports();
    const hurt = reports(failingOn(leakDump.dump, new RangeError('Invalid code point -1')));
    const markleak = hurt.find((r) => r.importPath === `${P}/markleak`);
    // go test said ok: the package keeps that status, with no findings and the reason.
    expect(markleak).toMatchObject({ status: 'passed', leaks: [], failures: [] });
    expect(markleak?.warnings).toEqual(['internal error while classifying: Invalid code point -1']);
    expect(hurt.filter((r) => r.importPath !== `${P}/markleak`)).toEqual(
      plain.filter((r) => r.importPath !== `${P}/markleak`),
    );
  });

  it('names a thrown non-Error value too', () => {
    if (leakDump?.kind !== 'leaked') throw new Error('markleak did not leak in the recording');
    const hurt = reports(failingOn(leakDump.dump, 'plain string'));
    expect(hurt.find((r) => r.importPath === `${P}/markleak`)?.warnings).toEqual([
      'internal error while classifying: plain string',
    ]);
  });

  it('lets a typed error about bad input stop the run', () => {
    if (leakDump?.kind !== 'leaked') throw new Error('markleak did not leak in the recording');
    const bad = new GoleakRunError('expected a rule, found nothing');
    expect(() => reports(failingOn(leakDump.dump, bad))).toThrow(bad);
  });
});

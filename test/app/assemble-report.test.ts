import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { packageReports } from '../../src/app/assemble-report.js';
import type { ExecutedRun } from '../../src/app/execute-run.js';
import { GoleakRunError } from '../../src/errors.js';
import type { Dump, FoldedGoroutines, PackageRun, ResolvedPackage } from '../../src/model.js';
import { parseDump } from '../../src/parse/index.js';
import type { Resolution } from '../../src/resolve/resolve-packages.js';
import { DATA_DIR, RECORDED_MODULE_DIR, RECORDED_MODULE_PATH } from '../classify/support/parse-dump.js';

// Real dumps recorded by test/classify/data/regenerate.sh: `leaks` leaves goroutines behind
// (its check reports each as a group of one), `hang` is killed by -timeout.
const recordedDump = (name: string): string => readFileSync(path.join(DATA_DIR, name), 'utf8');
const groupsOf = (dump: string): FoldedGoroutines[] =>
  dump
    .split('\n\n')
    .filter((block) => block.startsWith('goroutine '))
    .map((block) => ({ n: 1, ids: [Number(/^goroutine (\d+)/.exec(block)?.[1])], stack: `${block.trimEnd()}\n` }));

const run = (name: string, over: Partial<PackageRun>): PackageRun => ({
  importPath: `${RECORDED_MODULE_PATH}/${name}`,
  action: 'pass',
  elapsedSeconds: 1,
  cached: false,
  tests: [],
  output: [],
  buildOutput: [],
  buildFailed: false,
  check: { kind: 'clean', waitedMs: 0, ignored: 0 },
  ...over,
});
const pkg = (name: string): ResolvedPackage => ({
  importPath: `${RECORDED_MODULE_PATH}/${name}`,
  dir: `${RECORDED_MODULE_DIR}/${name}`,
  name,
  goFiles: [],
  testGoFiles: [`${name}_test.go`],
  xTestGoFiles: [],
  noTestFiles: false,
});

const leaksDump = recordedDump('leaks.txt');
const timeoutDump = recordedDump('timeout.txt');
const runs = [
  run('clean', {}),
  run('leaks', { check: { kind: 'leaked', waitedMs: 300, ignored: 0, groups: groupsOf(leaksDump) } }),
  run('hang', {
    action: 'fail',
    check: { kind: 'missing' },
    timeout: { dump: timeoutDump, runningTests: ['TestHang'] },
  }),
];
// Built as plain values, then typed: fields other stages add as they grow stay out of the way.
const resolutionFields = {
  module: { path: RECORDED_MODULE_PATH, dir: RECORDED_MODULE_DIR, goVersion: 'go1.26.0' },
  goRoot: '/usr/local/go',
  packages: [pkg('clean'), pkg('leaks'), pkg('hang')],
  setupFailures: [],
};
const resolution: Resolution = resolutionFields;
const executedFields = { runs, warnings: [], notes: new Map<string, string[]>(), packageRules: new Map() };
const executed: ExecutedRun = executedFields;
const LEAKS = `${RECORDED_MODULE_PATH}/leaks`;

function reports(parse?: (text: string) => Dump) {
  return packageReports({
    resolution,
    executed,
    settings: { rules: [] },
    readSource: () => undefined,
    ...(parse ? { parseDump: parse } : {}),
  });
}

// Throws on the leaks package's stacks only, the way a parser bug on one odd dump would.
function failingOnLeaks(error: unknown): (text: string) => Dump {
  return (text) => {
    if (leaksDump.includes(text.trimEnd())) throw error;
    return parseDump(text);
  };
}

describe('packageReports', () => {
  it('classifies every package', () => {
    const byPath = new Map(reports().map((r) => [r.importPath, r]));
    expect(byPath.get(`${RECORDED_MODULE_PATH}/clean`)).toMatchObject({ status: 'passed', leaks: [], warnings: [] });
    expect(byPath.get(LEAKS)?.status).toBe('leaked');
    expect(byPath.get(LEAKS)?.leaks.length).toBeGreaterThan(0);
    expect(byPath.get(`${RECORDED_MODULE_PATH}/hang`)?.status).toBe('failed');
    expect(byPath.get(`${RECORDED_MODULE_PATH}/hang`)?.leaks.length).toBeGreaterThan(0);
  });

  it('says a package hint only when the package failed', () => {
    const hints = new Map([
      [`${RECORDED_MODULE_PATH}/clean`, ['hint for clean']],
      [`${RECORDED_MODULE_PATH}/hang`, ['hint for hang']],
    ]);
    const hinted = packageReports({
      resolution,
      executed: { ...executed, hints },
      settings: { rules: [] },
      readSource: () => undefined,
    });
    const warnings = new Map(hinted.map((r) => [r.importPath, r.warnings]));
    expect(warnings.get(`${RECORDED_MODULE_PATH}/clean`)).toEqual([]);
    expect(warnings.get(`${RECORDED_MODULE_PATH}/hang`)).toContain('hint for hang');
  });

  it('an unexpected error in one package becomes a warning there; the others are still classified', () => {
    const plain = reports();
    const hurt = reports(failingOnLeaks(new RangeError('Invalid code point -1')));
    const leaks = hurt.find((r) => r.importPath === LEAKS);
    // go test said ok, but the check saw leftovers it could not report: failed, never a silent pass.
    expect(leaks).toMatchObject({ status: 'failed', leaks: [], warnings: [] });
    expect(leaks?.failures).toEqual([
      'internal error while classifying: Invalid code point -1; the leak check found goroutines that could not be reported',
    ]);
    expect(hurt.filter((r) => r.importPath !== LEAKS)).toEqual(plain.filter((r) => r.importPath !== LEAKS));
  });

  it('names a thrown non-Error value too', () => {
    const leaks = reports(failingOnLeaks('plain string')).find((r) => r.importPath === LEAKS);
    expect(leaks?.failures).toEqual([
      'internal error while classifying: plain string; the leak check found goroutines that could not be reported',
    ]);
  });

  it('lets a typed error about bad input stop the run', () => {
    const bad = new GoleakRunError('expected a rule, found nothing');
    expect(() => reports(failingOnLeaks(bad))).toThrow(bad);
  });
});

// The classifier never throws on what the parser makes of damaged dumps, and the whole pure
// pipeline (events → fold → parse → classify → package reports) never reports an internal error.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { packageReports } from '../../src/app/assemble-report.js';
import { classifyDump } from '../../src/classify/index.js';
import type { Dump, IgnoreRule, ResolvedPackage } from '../../src/model.js';
import { createRunFold, parseDump } from '../../src/parse/index.js';
import { RECORD_PREFIX, signRecord } from '../../src/check-protocol.js';
import {
  DATA_DIR,
  RECORDED_MODULE_DIR,
  RECORDED_MODULE_PATH,
  readRecordedSource,
} from '../classify/support/parse-dump.js';
import { DUMPS_DIR, recorded } from '../parse/recorded.js';
import { applyMutations, dumpSoup, mutation, oddLine, runs } from './support.js';

interface Source {
  text: string;
  importPath: string;
  modulePath: string;
  moduleDir: string;
}

// The classifier's own recordings (a module with test attribution and sources) and the parser's.
const SOURCES = new Map<string, Source>([
  ...readdirSync(DATA_DIR)
    .filter((n) => n.endsWith('.txt'))
    .map((n): [string, Source] => [
      `classify/${n}`,
      {
        text: readFileSync(`${DATA_DIR}/${n}`, 'utf8'),
        importPath: `${RECORDED_MODULE_PATH}/leaks`,
        modulePath: RECORDED_MODULE_PATH,
        moduleDir: RECORDED_MODULE_DIR,
      },
    ]),
  ...readdirSync(`${DUMPS_DIR}recorded`)
    .filter((n) => n.endsWith('.txt'))
    .map((n): [string, Source] => [
      `dumps/${n}`,
      { text: recorded(n), importPath: 'main', modulePath: 'example.com/dumps', moduleDir: '/home/gopher/dumps' },
    ]),
]);
const source = fc.constantFrom(...[...SOURCES.keys()].sort());

/** User rules with odd patterns: function prefixes, and package patterns full of `...`. */
const rule: fc.Arbitrary<IgnoreRule> = fc.record(
  {
    kind: fc.constantFrom('top', 'any', 'created-by'),
    func: fc.oneof(fc.constantFrom('main.*', '*', 'example.com/leaky/leaks.TestLeak*', 'runtime.gopark'), dumpSoup),
    reason: fc.constant('fuzz'),
    origin: fc.constantFrom('config', 'cli'),
    packages: fc.array(fc.oneof(fc.constantFrom('...', 'example.com/...', 'main', '.../...'), dumpSoup), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ['kind', 'func', 'reason', 'origin'] },
) as fc.Arbitrary<IgnoreRule>;

/** Test names as the stream reports them, for attribution to check subtests against. */
const testNames = fc.array(
  fc.oneof(fc.constantFrom('TestLeak', 'TestSub', 'TestSub/a', 'TestSub/a/b', 'TestHang', 'TestHang/stuck'), dumpSoup),
  { maxLength: 5 },
);

/** Every goroutine is counted once, in a finding or as ignored; each finding names its tests. */
function expectConsistent(dump: Dump, result: ReturnType<typeof classifyDump>): void {
  const counted = result.findings.reduce((n, f) => n + f.count, 0);
  expect(counted + result.ignored).toBeLessThanOrEqual(dump.goroutines.length);
  for (const f of result.findings) {
    expect(f.count).toBeGreaterThanOrEqual(1);
    expect(f.goroutineIds.length).toBeGreaterThanOrEqual(1);
    expect(f.goroutineIds.length).toBeLessThanOrEqual(f.count);
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(f.tests.reduce((n, t) => n + t.count, 0)).toBe(f.count);
    for (const t of f.tests) expect(['test', 'package', 'unknown']).toContain(t.attribution.kind);
  }
}

describe('classify fuzz', () => {
  it('classifyDump never throws on damaged recorded dumps, whatever the user rules', () => {
    fc.assert(
      fc.property(
        source,
        fc.array(mutation(oddLine), { minLength: 1, maxLength: 6 }),
        fc.array(rule, { maxLength: 3 }),
        fc.constantFrom('end-of-run' as const, 'timeout' as const),
        testNames,
        (name, ms, rules, kind, names) => {
          const src = SOURCES.get(name) as Source;
          const dump = parseDump(applyMutations(src.text, ms));
          const ctx = { ...src, rules, source: kind, readSource: readRecordedSource, testNames: names };
          const result = classifyDump(dump, ctx);
          expectConsistent(dump, result);
        },
      ),
      runs(250),
    );
  });

  const KEY = 'fuzz-key';
  const pkg = (importPath: string, moduleDir: string): ResolvedPackage => ({
    importPath,
    dir: moduleDir,
    name: 'p',
    goFiles: [],
    testGoFiles: ['p_test.go'],
    xTestGoFiles: [],
    noTestFiles: false,
  });
  /** Counts and ids the check would give each group: odd ones too (ids capped, or none). */
  const groupMeta = fc.array(fc.record({ n: fc.nat(), ids: fc.array(fc.nat(), { maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 4,
  });

  // Events → fold (a signed record carrying damaged stacks) → parse → classify → package report.
  it('no damaged dump, however it reaches the report, makes a package report an internal error', () => {
    fc.assert(
      fc.property(
        source,
        fc.array(mutation(oddLine), { minLength: 1, maxLength: 6 }),
        groupMeta,
        fc.boolean(),
        fc.nat({ max: 4 }),
        (name, ms, meta, asTimeout, cuts) => {
          const src = SOURCES.get(name) as Source;
          const damaged = applyMutations(src.text, ms);
          const blocks = damaged.split('\n\n').filter((b) => b !== '');
          const groups = blocks.map((stack, i) => ({ ...(meta[i % meta.length] as (typeof meta)[number]), stack }));
          const json = JSON.stringify({ v: 2, pkg: src.importPath, phase: 'final', waitedMs: 1, ignored: 0, groups });
          const line = `${RECORD_PREFIX}${signRecord(KEY, json)} ${json}\n`;
          // test2json may cut a long line into several output events.
          const size = Math.ceil(line.length / (cuts + 1));
          const fold = createRunFold({ key: KEY });
          for (let i = 0; i < line.length; i += size) {
            fold.push({ Action: 'output', Package: src.importPath, Output: line.slice(i, i + size) });
          }
          fold.push({ Action: asTimeout ? 'fail' : 'pass', Package: src.importPath, Elapsed: 1 });
          const timeout = { dump: damaged, runningTests: [] };
          const folded = fold.result().map((r) => (asTimeout ? { ...r, timeout } : r));
          expect(folded.map((r) => r.check.kind)).toEqual([groups.length > 0 ? 'leaked' : 'clean']);
          const resolution = {
            module: { path: src.modulePath, dir: src.moduleDir, goVersion: 'go1.26.0' },
            goRoot: '/usr/local/go',
            packages: [pkg(src.importPath, src.moduleDir)],
            setupFailures: [],
          };
          const executed = { runs: folded, warnings: [], notes: new Map<string, string[]>(), packageRules: new Map() };
          const reports = packageReports({
            resolution,
            executed,
            settings: { rules: [] },
            readSource: readRecordedSource,
          });
          expect(reports).toHaveLength(1);
          expect(reports[0]?.warnings.filter((w) => w.startsWith('internal error'))).toEqual([]);
        },
      ),
      runs(150),
    );
  });
});

// A parsed dump → one finding per leak site, each listing the tests that leaked it.
import type { Dump, Finding, FindingTest, Goroutine, IgnoreRule } from '../model.js';
import { parseGoFile, type GoFile } from '../go-source/go-functions.js';
import { attribute, type AttributionContext } from './attribute.js';
import { attributionName } from './attribution-name.js';
import { BUILTIN_IGNORES, isOwnCheckGoroutine } from './builtin-ignores.js';
import { isDependencyInit } from './dependency-init.js';
import { fingerprint, stackShape } from './fingerprint.js';
import { leakLocation } from './leak-location.js';
import { matchesRule, rulesForPackage } from './match-rule.js';
import { relativeFrames, relativeToModule } from './module-paths.js';
import { ranTests } from './ran-tests.js';
import { topFunction } from './top-function.js';

/** Everything classification needs to know about the package and the run. */
export interface ClassifyContext {
  importPath: string;
  modulePath: string;
  moduleDir: string;
  /** User rules (config and CLI); the built-in rules always apply on top. */
  rules: IgnoreRule[];
  /** `timeout`: the dump the testing package printed when -timeout killed a hung test. */
  source: Finding['source'];
  readSource: (absFile: string) => string | undefined;
  /** Full names of the package's tests that ran (`TestX`, `TestX/sub`), from the `go test -json` stream. */
  testNames: Iterable<string>;
}

/** Findings and the number of goroutines dropped by ignore rules. */
export interface ClassifyResult {
  findings: Finding[];
  ignored: number;
}

function toFinding(g: Goroutine, ctx: ClassifyContext, source: AttributionContext): Finding {
  const createdBy = g.createdBy;
  const createdAt = leakLocation(g, ctx.moduleDir, source.goFile);
  const attribution = attribute(g, source);
  // One goroutine may stand for identical ones the check folded in the binary.
  const count = g.folded?.count ?? 1;
  return {
    package: ctx.importPath,
    count,
    state: g.state,
    ...(g.waitMinutes !== undefined ? { waitMinutes: g.waitMinutes } : {}),
    topFunction: topFunction(g.frames),
    ...(createdBy
      ? {
          createdBy: createdBy.func,
          goStatement: { file: relativeToModule(createdBy.file, ctx.moduleDir), line: createdBy.line },
        }
      : {}),
    ...(createdAt ? { createdAt } : {}),
    tests: [{ attribution, count }],
    stack: relativeFrames(g.frames, ctx.moduleDir),
    fingerprint: fingerprint(ctx.importPath, createdAt?.func, stackShape(g.frames), createdBy?.func, g.state),
    source: ctx.source,
    provenByGc: g.leakedByGc,
    goroutineIds: g.folded?.ids ?? [g.id],
  };
}

// One leak site: where it was created in the user's code, its state and its stack shape.
function siteKey(f: Finding): string {
  const at = f.createdAt ? `${f.createdAt.file}:${f.createdAt.line}` : '';
  return [f.fingerprint, at, f.state, String(f.provenByGc)].join('\n');
}

function addTest(group: Finding, test: FindingTest): void {
  const name = attributionName(test.attribution);
  const same = group.tests.find((t) => attributionName(t.attribution) === name);
  if (same) same.count += test.count;
  else group.tests.push({ ...test });
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.topFunction !== b.topFunction) return a.topFunction < b.topFunction ? -1 : 1;
  if (a.fingerprint !== b.fingerprint) return a.fingerprint < b.fingerprint ? -1 : 1;
  return (a.goroutineIds[0] ?? 0) - (b.goroutineIds[0] ?? 0);
}

// Parses each source file once per dump: many goroutines share a test file.
function sourceCache(readSource: ClassifyContext['readSource']): (file: string) => GoFile | undefined {
  const parsed = new Map<string, GoFile | undefined>();
  return (file) => {
    if (!parsed.has(file)) {
      const text = readSource(file);
      parsed.set(file, text === undefined ? undefined : parseGoFile(text));
    }
    return parsed.get(file);
  };
}

/** Drops ignored goroutines, then groups the rest by leak site, counting goroutines per test. */
export function classifyDump(dump: Dump, ctx: ClassifyContext): ClassifyResult {
  const rules = [...BUILTIN_IGNORES, ...rulesForPackage(ctx.rules, ctx.importPath)];
  const attribution: AttributionContext = {
    importPath: ctx.importPath,
    goFile: sourceCache(ctx.readSource),
    ran: ranTests(ctx.testNames),
  };
  const groups = new Map<string, Finding>();
  let ignored = 0;
  for (const g of dump.goroutines) {
    // The check's own goroutine is not the user's, so it is dropped without being counted.
    if (isOwnCheckGoroutine(g)) continue;
    if (isDependencyInit(g.createdBy, ctx.modulePath)) {
      ignored += g.folded?.count ?? 1;
      continue;
    }
    if (rules.some((r) => matchesRule(g, r))) {
      ignored += g.folded?.count ?? 1;
      continue;
    }
    const finding = toFinding(g, ctx, attribution);
    const key = siteKey(finding);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, finding);
      continue;
    }
    group.count += finding.count;
    group.goroutineIds.push(...finding.goroutineIds);
    addTest(group, finding.tests[0] as FindingTest);
    if ((g.waitMinutes ?? 0) > (group.waitMinutes ?? 0)) group.waitMinutes = g.waitMinutes;
  }
  const findings = [...groups.values()].map((f) => ({
    ...f,
    tests: [...f.tests].sort((a, b) => compareNames(attributionName(a.attribution), attributionName(b.attribution))),
    goroutineIds: [...f.goroutineIds].sort((a, b) => a - b),
  }));
  return { findings: findings.sort(compareFindings), ignored };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

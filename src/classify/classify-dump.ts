// A parsed dump → grouped, attributed, fingerprinted findings for one package.
import type { Dump, Finding, Goroutine, IgnoreRule } from '../model.js';
import { attribute, attributionName } from './attribute.js';
import { BUILTIN_IGNORES, isOwnCheckGoroutine } from './builtin-ignores.js';
import { fingerprint, stackShape } from './fingerprint.js';
import { matchesRule, rulesForPackage } from './match-rule.js';
import { relativeFrames, relativeToModule } from './module-paths.js';
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
}

/** Findings and the number of goroutines dropped by ignore rules. */
export interface ClassifyResult {
  findings: Finding[];
  ignored: number;
}

function toFinding(g: Goroutine, ctx: ClassifyContext): Finding {
  const attribution = attribute(g, ctx);
  const createdBy = g.createdBy;
  return {
    package: ctx.importPath,
    count: g.folded?.count ?? 1,
    state: g.state,
    ...(g.waitMinutes !== undefined ? { waitMinutes: g.waitMinutes } : {}),
    topFunction: topFunction(g.frames),
    ...(createdBy ? { createdBy: createdBy.func, createdAt: { file: relativeToModule(createdBy.file, ctx.moduleDir), line: createdBy.line } } : {}),
    attribution,
    stack: relativeFrames(g.frames, ctx.moduleDir),
    fingerprint: fingerprint(ctx.importPath, attributionName(attribution), stackShape(g), createdBy?.func),
    source: ctx.source,
    provenByGc: g.leakedByGc,
    goroutineIds: g.folded?.ids ?? [g.id],
  };
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.topFunction !== b.topFunction) return a.topFunction < b.topFunction ? -1 : 1;
  if (a.fingerprint !== b.fingerprint) return a.fingerprint < b.fingerprint ? -1 : 1;
  return (a.goroutineIds[0] ?? 0) - (b.goroutineIds[0] ?? 0);
}

/** Drops ignored goroutines, then groups identical leaks (same attribution, state and stack shape). */
export function classifyDump(dump: Dump, ctx: ClassifyContext): ClassifyResult {
  const rules = [...BUILTIN_IGNORES, ...rulesForPackage(ctx.rules, ctx.importPath)];
  const groups = new Map<string, Finding>();
  let ignored = 0;
  for (const g of dump.goroutines) {
    // The check's own goroutine is not the user's, so it is dropped without being counted.
    if (isOwnCheckGoroutine(g)) continue;
    if (rules.some((r) => matchesRule(g, r))) {
      ignored += g.folded?.count ?? 1;
      continue;
    }
    const finding = toFinding(g, ctx);
    // The fingerprint already covers package, attribution, shape and creator.
    const key = [finding.fingerprint, finding.state, String(finding.provenByGc)].join('\n');
    const group = groups.get(key);
    if (!group) {
      groups.set(key, finding);
      continue;
    }
    group.count += finding.count;
    group.goroutineIds.push(...finding.goroutineIds);
    if ((g.waitMinutes ?? 0) > (group.waitMinutes ?? 0)) group.waitMinutes = g.waitMinutes;
  }
  const findings = [...groups.values()].map((f) => ({ ...f, goroutineIds: [...f.goroutineIds].sort((a, b) => a - b) }));
  return { findings: findings.sort(compareFindings), ignored };
}

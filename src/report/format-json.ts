// The machine-readable report: a stable, versioned projection of the RunReport.
import type { Finding, PackageReport, RunReport } from '../model.js';
import type { JsonLeak, JsonPackage, JsonReport } from './json-report-types.js';
import { testLabel } from './labels.js';

/** The JSON report as pretty-printed text with a final newline. */
export function formatJson(report: RunReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

/** The JSON report as an object, for callers that embed it. */
export function toJsonReport(report: RunReport): JsonReport {
  return {
    schemaVersion: 2,
    tool: { name: report.tool.name, version: report.tool.version },
    go: report.goVersion,
    module: report.module.path,
    startedAt: report.startedAt,
    durationSeconds: report.durationSeconds,
    summary: { ...report.summary },
    packages: report.packages.map(toJsonPackage),
    stale: report.stale.map((s) => ({
      fingerprint: s.fingerprint,
      package: s.package,
      tests: [...s.tests],
      summary: s.summary,
    })),
    warnings: [...report.warnings],
    ...(report.shard ? { shard: report.shard } : {}),
  };
}

function toJsonPackage(pkg: PackageReport): JsonPackage {
  const named = (pred: (status: string) => boolean): string[] =>
    pkg.tests.filter((t) => pred(t.status)).map((t) => t.name);
  return {
    importPath: pkg.importPath,
    dir: pkg.dir,
    status: pkg.status,
    elapsedSeconds: pkg.elapsedSeconds,
    cached: pkg.cached,
    tests: {
      passed: named((s) => s === 'pass'),
      // A test still running when the binary died (timeout, crash) did not pass.
      failed: named((s) => s === 'fail' || s === 'running'),
      skipped: named((s) => s === 'skip'),
    },
    failures: [...pkg.failures],
    warnings: [...pkg.warnings],
    ignored: pkg.ignored,
    waitedMs: pkg.waitedMs ?? 0,
    gcProof: pkg.gcProof === true,
    leaks: pkg.leaks.map(toJsonLeak),
    ...(pkg.stress ? { stress: { ...pkg.stress } } : {}),
  };
}

function toJsonLeak(f: Finding): JsonLeak {
  const at = f.createdAt;
  return {
    count: f.count,
    state: f.state,
    waitMinutes: f.waitMinutes ?? null,
    topFunction: f.topFunction,
    createdBy: f.createdBy ?? null,
    createdAt: at ? { file: at.file, line: at.line, function: at.func, inModule: at.inModule } : null,
    goStatement: f.goStatement ? { file: f.goStatement.file, line: f.goStatement.line } : null,
    tests: f.tests.map((t) => ({ name: testLabel(t.attribution), count: t.count })),
    source: f.source,
    provenByGc: f.provenByGc,
    fingerprint: f.fingerprint,
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    ...(f.stress ? { stress: { ...f.stress } } : {}),
    stack: f.stack.map((fr) => ({ function: fr.func, file: fr.file, line: fr.line })),
  };
}

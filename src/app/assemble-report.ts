// Pure assembly of the run report: package runs + dumps → classified packages, baseline applied, summary.
import type { Dump, PackageReport, PackageRun, ResolvedPackage, RunReport, StaleEntry } from '../model.js';
import { exitCodeFor, summarize, toPackageReport, type PackageContext } from '../classify/index.js';
import { GoleakRunError } from '../errors.js';
import { parseDump, parseFoldedDump } from '../parse/index.js';
import type { Resolution } from '../resolve/resolve-packages.js';
import type { ExecutedRun } from './execute-run.js';
import type { Settings } from './settings.js';

/** Turns each resolved package into its report; packages without test files were never run. */
export function packageReports(opts: {
  resolution: Resolution;
  executed: ExecutedRun;
  settings: Pick<Settings, 'rules'>;
  readSource: (absFile: string) => string | undefined;
  /** The dump parser; injected by tests to make one package's processing fail. */
  parseDump?: (text: string) => Dump;
}): PackageReport[] {
  const { module } = opts.resolution;
  const parse = opts.parseDump ?? parseDump;
  const runs = new Map(opts.executed.runs.map((r) => [r.importPath, r]));
  return opts.resolution.packages.map((pkg) => {
    const run = runs.get(pkg.importPath) ?? placeholderRun(pkg);
    const ctx: PackageContext = {
      modulePath: module.path,
      moduleDir: module.dir,
      packageDir: pkg.dir,
      // A package's own goleak.VerifyTestMain options apply to it as they do in the binary.
      rules: [...opts.settings.rules, ...(opts.executed.packageRules?.get(pkg.importPath) ?? [])],
      readSource: opts.readSource,
    };
    const report = classifyOrWarn(run, ctx, parse);
    report.warnings.push(...(opts.executed.notes.get(pkg.importPath) ?? []));
    if (report.status === 'failed') report.warnings.push(...(opts.executed.hints?.get(pkg.importPath) ?? []));
    return report;
  });
}

// A bug in the parser or the classifier must cost one package its findings, not the whole run:
// the package keeps the status go test gave it, with a warning. Bad input (a typed error) still stops the run.
function classifyOrWarn(run: PackageRun, ctx: PackageContext, parse: (text: string) => Dump): PackageReport {
  try {
    return toPackageReport(
      run,
      {
        ...(run.check.kind === 'leaked' ? { endOfRun: parseFoldedDump(run.check.groups, parse) } : {}),
        ...(run.timeout ? { timeout: parse(run.timeout.dump) } : {}),
      },
      ctx,
    );
  } catch (error) {
    if (error instanceof GoleakRunError) throw error;
    const report = toPackageReport(run, {}, ctx);
    const message = `internal error while classifying: ${errorMessage(error)}`;
    // The check saw leftover goroutines that could not be read: passing the package would hide them.
    if (run.check.kind === 'leaked' && report.status === 'passed') {
      report.status = 'failed';
      report.failures.push(`${message}; the leak check found goroutines that could not be reported`);
    } else report.warnings.push(message);
    return report;
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unprintable error';
  }
}

// A package with no test files is not run at all; one missing from the stream is reported as such.
function placeholderRun(pkg: ResolvedPackage): PackageRun {
  return {
    importPath: pkg.importPath,
    action: pkg.noTestFiles ? 'skip' : 'unknown',
    elapsedSeconds: 0,
    cached: false,
    tests: [],
    output: [],
    buildOutput: [],
    buildFailed: false,
    check: pkg.noTestFiles ? { kind: 'clean', waitedMs: 0, ignored: 0 } : { kind: 'missing' },
  };
}

/** The final report, with the summary and exit code every reporter shares. */
export function finishReport(opts: {
  resolution: Resolution;
  packages: PackageReport[];
  stale: StaleEntry[];
  settings: Settings;
  version: string;
  startedAt: Date;
  finishedAt: Date;
  /** go's own lines outside the test events (ExecutedRun.warnings). */
  warnings: string[];
}): RunReport {
  const summary = summarize(opts.packages, opts.stale);
  return {
    schemaVersion: 2,
    tool: { name: 'goleak-run', version: opts.version },
    goVersion: opts.resolution.module.goVersion,
    module: { path: opts.resolution.module.path, dir: opts.resolution.module.dir },
    startedAt: opts.startedAt.toISOString(),
    durationSeconds: Math.round((opts.finishedAt.getTime() - opts.startedAt.getTime()) / 10) / 100,
    packages: opts.packages,
    stale: opts.stale,
    summary,
    warnings: opts.warnings,
    exitCode: exitCodeFor(summary, { strictBaseline: opts.settings.strictBaseline }),
  };
}

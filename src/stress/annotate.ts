// Pure: adds what the stress loop learnt to a package's report: how many runs it took, in how
// many of them each finding appeared, and the command that reproduces the finding chunk.
import type { Dump, PackageReport, PackageRun } from '../model.js';
import { parseDump, parseFoldedDump } from '../parse/index.js';
import { roundsPerFinding } from './seen-in.js';
import type { StressLoopResult } from './stress-package.js';

/** The report with `stress` set on the package and on each of its findings. */
export function annotateStress(
  report: PackageReport,
  stress: StressLoopResult,
  run: PackageRun | undefined,
  reproduce: string | undefined,
): PackageReport {
  const out: PackageReport = {
    ...report,
    stress: {
      runs: stress.rounds,
      chunks: stress.chunks,
      seconds: Math.round(stress.ms / 10) / 100,
      perturbationSites: stress.sites,
      ...(reproduce !== undefined ? { reproduce } : {}),
    },
  };
  if (stress.notStressed !== undefined) out.warnings = [...report.warnings, `not stressed: ${stress.notStressed}`];
  else if (stress.rounds === 0 && !stress.found)
    out.warnings = [...report.warnings, 'not stressed: no test ran in the stress binary'];
  if (!stress.found || reproduce === undefined || run === undefined) return out;
  if (report.status === 'passed') {
    // The chunk's verdict and the classification disagree: say so rather than pass quietly.
    out.warnings = [
      ...out.warnings,
      `stress: a chunk stopped the loop (${stress.found.verdict}) but its report shows nothing`,
    ];
  }
  const dumps: Dump[] = [];
  if (run.check.kind === 'leaked') dumps.push(parseFoldedDump(run.check.groups));
  if (run.timeout) dumps.push(parseDump(run.timeout.dump));
  const seen = roundsPerFinding(report.leaks, dumps, stress.found.log.roundOf);
  out.leaks = report.leaks.map((f, i) => ({ ...f, stress: { seenIn: seen[i] ?? 1, runs: stress.rounds, reproduce } }));
  return out;
}

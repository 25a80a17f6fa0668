// The one closing line of a run, shared by the console and the step summary so CI scripts
// can grep either the same way.
import type { RunReport } from '../model.js';
import { baselineInUse, plural, seconds } from './labels.js';

/**
 * `goleak-run: FAIL 12 packages: 9 passed, 2 leaked (5 goroutines in 3 findings, 2 new, 1 known),
 * 1 failed, 0 build failed, 0 no tests; 1 stale baseline entry; 3.21s`
 */
export function formatSummaryLine(report: RunReport): string {
  const s = report.summary;
  const verdict = report.exitCode === 0 ? 'PASS' : 'FAIL';
  let leaked = `${s.leaked} leaked`;
  if (s.leakFindings > 0) {
    const findings = report.packages.flatMap((p) => p.leaks);
    const split = baselineInUse(findings, report.stale.length) ? `, ${s.newLeaks} new, ${s.knownLeaks} known` : '';
    leaked += ` (${plural(s.leakedGoroutines, 'goroutine')} in ${plural(s.leakFindings, 'finding')}${split})`;
  }
  const parts = [
    `${s.passed} passed`,
    leaked,
    `${s.failed} failed`,
    `${s.buildFailed} build failed`,
    `${s.noTests} no tests`,
  ];
  const stale = s.stale > 0 ? `; ${plural(s.stale, 'stale baseline entry')}` : '';
  return `goleak-run: ${verdict} ${plural(s.packages, 'package')}: ${parts.join(', ')}${stale}; ${seconds(report.durationSeconds)}`;
}

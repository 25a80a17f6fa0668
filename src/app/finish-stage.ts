// What a run needs once go test has finished: classification, baseline, report assembly and the
// reporters. main loads it while go test runs, so none of it delays go list or go test.
export { finishReport, packageReports } from './assemble-report.js';
export { baselineStep } from './baseline-step.js';
export { emitReports } from './emit-reports.js';

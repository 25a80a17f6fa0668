// Every reporter must give the same bytes for the same report and print no absolute path of
// its own, so the lead's golden tests over real runs stay stable across machines.
import { createColors } from 'picocolors';
import { describe, it, expect } from 'vitest';
import { formatConsole } from '../../src/report/format-console.js';
import { formatGithubAnnotations } from '../../src/report/format-github-annotations.js';
import { formatJson } from '../../src/report/format-json.js';
import { formatJunit } from '../../src/report/format-junit.js';
import { formatStepSummary } from '../../src/report/format-step-summary.js';
import { formatTap } from '../../src/report/format-tap.js';
import { sampleReport } from './sample-report.js';

const reporters: Record<string, () => string> = {
  console: () => formatConsole(sampleReport, { color: createColors(false), verbose: true }),
  json: () => formatJson(sampleReport),
  junit: () => formatJunit(sampleReport, {}),
  tap: () => formatTap(sampleReport),
  annotations: () => formatGithubAnnotations(sampleReport, {}),
  stepSummary: () => formatStepSummary(sampleReport, {}),
};

describe.each(Object.entries(reporters))('%s reporter', (_name, run) => {
  it('gives identical output on every call', () => {
    expect(run()).toBe(run());
  });

  it('never prints the absolute module directory', () => {
    expect(run()).not.toContain(sampleReport.module.dir);
  });
});

// End to end: a report given `-` owns stdout (the console report and annotations move to stderr),
// and what go prints on stderr reaches the console and the JSON report.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTap } from '../report/tap-read.js';
import { fixture, readJson, runCli, tempDir } from './run-cli.js';

const out = tempDir();
afterAll(() => out.remove());
const base = ['--no-config', '--no-baseline', '--max-wait', '100ms'];

describe('reports on stdout', () => {
  it('--json - writes only the JSON document to stdout, the console report to stderr', async () => {
    const run = await runCli(fixture('demo'), [...base, '--json', '-']);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ packages: 4, leaked: 2 });
    expect(run.stderr).toMatch(/^goleak-run: FAIL 4 packages: .*$/m);
  });

  it('--tap - with annotations: stdout holds TAP only, from TAP version 14; ::error lines go to stderr', async () => {
    const run = await runCli(fixture('demo'), [...base, '--tap', '-', '--github-annotations']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.startsWith('TAP version 14\n')).toBe(true);
    expect(run.stdout).not.toContain('::error');
    const tap = parseTap(run.stdout);
    expect(tap.errors).toEqual([]);
    expect(tap.final.ok).toBe(false);
    expect(tap.points.filter((p) => p.path.length === 0).length).toBe(4);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('::error ')).length).toBe(2);
  });
});

describe("go's own stderr", () => {
  it('reaches stderr as goleak-run: go: … and the JSON report as warnings', async () => {
    const json = join(out.path, 'coverpkg.json');
    const run = await runCli(fixture('demo'), [
      ...base,
      '--json',
      json,
      './notify',
      '--',
      '-coverpkg=example.com/demo/worker',
    ]);
    const warning = 'warning: no packages being tested depend on matches for pattern example.com/demo/worker';
    expect(run.stderr.split('\n')).toContain(`goleak-run: go: ${warning}`);
    expect(readJson(json).warnings).toEqual([warning]);
  });
});

// Where each report goes: one owner of stdout at most, the console and annotations on the human
// stream, go's own lines on stderr first; report paths checked before the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportPaths, emitReports, goWarningLine } from '../../src/app/emit-reports.js';
import { buildSettings, type Settings } from '../../src/app/settings.js';
import { parseArgs } from '../../src/cli/options.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseGoTestFlags } from '../../src/run/go-test-flags.js';
import { sampleReport } from '../report/sample-report.js';

const dir = mkdtempSync(join(tmpdir(), 'goleak-run-emit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(argv: string[]): Settings {
  const parsed = parseArgs(argv, '0');
  if (parsed.kind !== 'run') throw new Error('expected options');
  const flags = parseGoTestFlags([]);
  return buildSettings({
    cli: parsed.options,
    flags,
    config: undefined,
    env: {},
    cwd: dir,
    moduleDir: dir,
    parseDuration,
  });
}

async function emit(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const sinks = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    color: false,
    repoRoot: '/src',
  };
  await emitReports(sampleReport, settings(argv), sinks);
  return out;
}

const warning =
  'goleak-run: go: warning: no packages being tested depend on matches for pattern example.com/demo/tools\n';

describe('emitReports', () => {
  it('without a report on stdout: go lines on stderr, then the console report and annotations on stdout', async () => {
    const out = await emit(['--github-annotations']);
    expect(out.stderr).toBe(warning);
    expect(out.stdout).toMatch(/^FAIL {2}example\.com\/demo/);
    const summary = out.stdout.indexOf('goleak-run: FAIL 8 packages');
    const firstAnnotation = out.stdout.indexOf('::error ');
    expect(summary).toBeGreaterThan(0);
    expect(firstAnnotation).toBeGreaterThan(summary);
  });

  it('with --tap -: stdout holds TAP only; console and annotations go to stderr, after go lines', async () => {
    const out = await emit(['--tap', '-', '--github-annotations']);
    expect(out.stdout.startsWith('TAP version 14\n')).toBe(true);
    expect(out.stdout).not.toContain('::error');
    expect(out.stdout).not.toMatch(/^goleak-run: FAIL/m); // the TAP trailer has it only as a # comment
    expect(out.stderr.startsWith(warning)).toBe(true);
    expect(out.stderr).toContain('goleak-run: FAIL 8 packages');
    expect(out.stderr).toContain('::error ');
  });

  it('with --json -: stdout is the JSON document, warnings included', async () => {
    const out = await emit(['--json', '-']);
    expect(JSON.parse(out.stdout).warnings).toEqual([warning.slice('goleak-run: go: '.length, -1)]);
  });
});

describe('goWarningLine', () => {
  it('names go once', () => {
    expect(goWarningLine('go: downloading example.com/x v1.0.0')).toBe(
      'goleak-run: go: downloading example.com/x v1.0.0\n',
    );
    expect(goWarningLine('warning: x')).toBe('goleak-run: go: warning: x\n');
  });
});

describe('checkReportPaths', () => {
  it('accepts new files in directories still to be created, and existing files', () => {
    writeFileSync(join(dir, 'old.json'), '{}');
    expect(() => checkReportPaths(settings(['--json', 'old.json', '--junit', 'a/b/c/junit.xml']))).not.toThrow();
  });

  it('refuses a directory, a path under a file, and a special file it would rename over', () => {
    mkdirSync(join(dir, 'adir'));
    writeFileSync(join(dir, 'afile'), 'x');
    expect(() => checkReportPaths(settings(['--json', 'adir']))).toThrow(
      `expected --json ${join(dir, 'adir')} to be a file it can write, found a directory`,
    );
    expect(() => checkReportPaths(settings(['--tap', 'afile/r.tap']))).toThrow(
      `expected --tap ${join(dir, 'afile/r.tap')} to be a file it can write, found ${join(dir, 'afile')}, a file,`,
    );
    expect(() => checkReportPaths(settings(['--junit', '/dev/null']))).toThrow(
      'found a special file; use - for stdout',
    );
    // Appending (the step summary) to a special file is fine.
    expect(() => checkReportPaths(settings(['--step-summary', '/dev/null']))).not.toThrow();
  });

  it('checks the baseline only when the run will write it', () => {
    mkdirSync(join(dir, 'bdir'));
    expect(() => checkReportPaths(settings(['--baseline', 'bdir']))).not.toThrow();
    expect(() => checkReportPaths(settings(['--baseline', 'bdir', '--update-baseline']))).toThrow(
      `expected the baseline ${join(dir, 'bdir')} to be a file it can write, found a directory`,
    );
    expect(() => checkReportPaths(settings(['--baseline', 'bdir', '--prune-baseline']))).toThrow('found a directory');
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { appendStepSummary, writeReportFile } from '../../src/report/write-report-file.js';

describe('writeReportFile', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'goleak-run-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing parent directories and writes the content', async () => {
    const file = path.join(dir, 'out', 'nested', 'junit.xml');
    await writeReportFile(file, '<testsuites/>\n');
    expect(await readFile(file, 'utf8')).toBe('<testsuites/>\n');
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'report.json');
    await writeFile(file, 'x'.repeat(10_000));
    await writeReportFile(file, '{}\n');
    expect(await readFile(file, 'utf8')).toBe('{}\n');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('rejects when the path is a directory', async () => {
    await expect(writeReportFile(dir, 'x')).rejects.toThrow();
  });
});

describe('appendStepSummary', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'goleak-run-summary-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends after what the step already wrote, ending with a newline', async () => {
    const file = path.join(dir, 'step_summary');
    await writeFile(file, '# earlier\n');
    await appendStepSummary(file, '## goleak-run');
    await appendStepSummary(file, 'more\n');
    expect(await readFile(file, 'utf8')).toBe('# earlier\n## goleak-run\nmore\n');
  });
});

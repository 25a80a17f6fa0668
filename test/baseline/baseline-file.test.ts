import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBaseline, readBaseline, serializeBaseline, writeBaseline } from '../../src/baseline/index.js';
import { FileFormatError } from '../../src/errors.js';
import { fullScope, leaksReport } from './support.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'goleak-run-baseline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readBaseline and writeBaseline', () => {
  it('reads a missing file as no baseline', async () => {
    expect(await readBaseline(path.join(dir, 'none.yaml'))).toBeUndefined();
  });

  it('writes the serialized text and reads it back, leaving no temporary file', async () => {
    const file = path.join(dir, 'goleak-baseline.yaml');
    const baseline = buildBaseline([leaksReport()], undefined, fullScope());
    await writeBaseline(file, baseline);
    expect(readFileSync(file, 'utf8')).toBe(serializeBaseline(baseline));
    expect(await readBaseline(file)).toEqual(baseline);
    expect(readdirSync(dir)).toEqual(['goleak-baseline.yaml']);
  });

  it('names the file in format errors', async () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 1\nleaks: []\n');
    await expect(readBaseline(file)).rejects.toThrow(FileFormatError);
    await expect(readBaseline(file)).rejects.toThrow(`${file}:2: expected the end marker`);
  });
});

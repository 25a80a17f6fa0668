import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileFormatError, GoleakRunError, UsageError } from '../../src/errors.js';
import { findConfig, loadConfig } from '../../src/config/index.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'goleak-run-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findConfig and loadConfig', () => {
  it('returns undefined when the module has no config', () => {
    expect(findConfig(dir)).toBeUndefined();
    expect(loadConfig(dir)).toBeUndefined();
  });

  it('finds .goleak-run.yml at the module root', () => {
    writeFileSync(path.join(dir, '.goleak-run.yml'), 'version: 1\nmaxWait: 2s\n');
    expect(loadConfig(dir)?.maxWaitMs).toBe(2000);
  });

  it('refuses two config files', () => {
    writeFileSync(path.join(dir, '.goleak-run.yml'), 'version: 1\n');
    writeFileSync(path.join(dir, '.goleak-run.yaml'), 'version: 1\n');
    expect(() => findConfig(dir)).toThrow(UsageError);
  });

  it('reads an explicit path and names it in errors', () => {
    const file = path.join(dir, 'ci.yaml');
    writeFileSync(file, 'version: 1\nignore: {}\n');
    expect(() => loadConfig('/elsewhere', file)).toThrow(FileFormatError);
    expect(() => loadConfig('/elsewhere', file)).toThrow(`${file}:2: expected a list for ignore, found a mapping`);
  });

  it('fails clearly when an explicit file is missing', () => {
    expect(() => loadConfig(dir, path.join(dir, 'nope.yaml'))).toThrow(GoleakRunError);
    expect(() => loadConfig(dir, path.join(dir, 'nope.yaml'))).toThrow(/cannot read config file .*nope\.yaml/);
  });
});

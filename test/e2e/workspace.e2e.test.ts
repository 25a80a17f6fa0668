// End to end on fixtures/workspace: a go.work root with two modules and no go.mod of its own.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, readJson, runCli, tempDir } from './run-cli.js';

const root = fixture('workspace');
const out = tempDir();
afterAll(() => out.remove());

describe('goleak-run at the root of a go.work workspace', () => {
  it('runs the packages of every workspace module for ./..., with paths relative to the workspace root', async () => {
    const run = await runCli(root, [
      '--no-config',
      '--max-wait',
      '300ms',
      '--json',
      join(out.path, 'ws.json'),
      './...',
    ]);
    expect(run.exitCode).toBe(1);
    const report = readJson(join(out.path, 'ws.json'));
    expect(report.module).toBe('example.com/ws');
    expect(report.packages.map((p: any) => [p.importPath, p.dir, p.status])).toEqual([
      ['example.com/ws/api', 'api', 'passed'],
      ['example.com/ws/worker', 'worker', 'leaked'],
    ]);
    // worker imports api through the workspace, with no require in its go.mod.
    expect(report.packages[1].leaks[0]).toMatchObject({
      createdAt: { file: 'worker/worker.go', line: 9, inModule: true },
      tests: [{ name: 'TestStart', count: 1 }],
    });
    expect(run.stdout).toMatch(/^goleak-run: FAIL 2 packages: 1 passed, 1 leaked/m);
  });

  it('takes patterns of one module, and import paths, as go test does', async () => {
    const api = await runCli(root, ['--no-config', './api/...']);
    expect(api.exitCode).toBe(0);
    expect(api.stdout).toMatch(/^goleak-run: PASS 1 package: 1 passed/m);
    const both = await runCli(root, ['--no-config', '--max-wait', '300ms', 'example.com/ws/...']);
    expect(both.exitCode).toBe(1);
    expect(both.stdout).toMatch(/^goleak-run: FAIL 2 packages: 1 passed, 1 leaked/m);
  });

  it('inside one module of the workspace, ./... is that module', async () => {
    const run = await runCli(join(root, 'worker'), [
      '--no-config',
      '--max-wait',
      '300ms',
      '--json',
      join(out.path, 'worker.json'),
    ]);
    expect(run.exitCode).toBe(1);
    const report = readJson(join(out.path, 'worker.json'));
    expect(report.module).toBe('example.com/ws/worker');
    expect(report.packages.map((p: any) => p.dir)).toEqual(['.']);
    expect(report.packages[0].leaks[0].createdAt.file).toBe('worker.go');
  });

  it('leaves the fixture untouched', () => {
    expect(gitStatus(root)).toBe('');
  });
});

// End to end: the config file and CLI ignore rules, and bad config or baseline files (exit 2, file untouched).
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, readJson, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
const mod = join(tmp.path, 'demo');
const configFile = join(mod, '.goleak-run.yaml');
const baselineFile = join(mod, 'goleak-baseline.yaml');

beforeAll(() => cpSync(fixture('demo'), mod, { recursive: true }));
afterAll(() => tmp.remove());

describe('ignore rules', () => {
  it('a config rule drops the leak inside the test binary, so that package waits for nothing', async () => {
    writeFileSync(
      configFile,
      [
        'version: 1',
        'maxWait: 5s',
        'ignore:',
        '  - top: example.com/demo/worker.(*Pool).work',
        '    reason: the pool lives for the whole process by design',
        '    packages: [./worker]',
        '',
      ].join('\n'),
    );
    const json = join(tmp.path, 'config.json');
    const r = await runCli(mod, ['--json', json, '--', '-count=1']);
    rmSync(configFile);
    expect(r.exitCode).toBe(1);
    const worker = readJson(json).packages.find((p: any) => p.importPath === 'example.com/demo/worker');
    expect(worker).toMatchObject({ status: 'passed', leaks: [], ignored: 4 });
    // The leaking notify package waited the configured 5s; worker, all ignored, did not wait at all.
    expect(worker.elapsedSeconds).toBeLessThan(2.5);
    expect(
      readJson(json).packages.find((p: any) => p.importPath === 'example.com/demo/notify').elapsedSeconds,
    ).toBeGreaterThanOrEqual(5);
  });

  it('--ignore-created-by on the command line works the same way', async () => {
    const json = join(tmp.path, 'cli.json');
    const r = await runCli(mod, [
      '--max-wait',
      '200ms',
      '--json',
      json,
      '--ignore-created-by',
      'example.com/demo/worker.NewPool',
      '--ignore-top',
      'example.com/demo/notify.Publish*',
    ]);
    expect(r.exitCode).toBe(0);
    expect(readJson(json).summary).toMatchObject({ leakFindings: 0, passed: 3, noTests: 1 });
  });
});

describe('bad config and baseline files', () => {
  it.each([
    [
      'a YAML syntax error',
      'version: 1\nmaxWait: [\n',
      /\.goleak-run\.yaml:2: expected valid YAML, found a syntax error/,
    ],
    [
      'an unknown key',
      'version: 1\nmaxwait: 2s\n',
      /\.goleak-run\.yaml:2: expected only known keys in the file, found unknown key "maxwait"$/,
    ],
    [
      'a wrong type',
      'version: 1\nmaxWait: true\n',
      /\.goleak-run\.yaml:2: expected a Go duration like 500ms, 2s or 1m30s, or whole milliseconds for maxWait, found true$/,
    ],
    [
      'a rule without a reason',
      'version: 1\nignore:\n  - top: x.Y\n',
      /\.goleak-run\.yaml:3: expected a string for ignore\[0\]\.reason, found nothing$/,
    ],
  ])('config with %s: exit 2, file:line, file untouched', async (_what, text, message) => {
    writeFileSync(configFile, text);
    const r = await runCli(mod, []);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(readFileSync(configFile, 'utf8')).toBe(text);
    rmSync(configFile);
  });

  it.each([
    [
      'a truncated file',
      'version: 1\nleaks:\n  - fingerprint: 0123456789abcdef\n    package: x\n',
      /goleak-baseline\.yaml:\d+: expected the end marker "\.\.\." as the last line, found the end of the file/,
    ],
    ['a YAML syntax error', 'version: 1\nleaks: [\n', /goleak-baseline\.yaml:2: expected valid YAML/],
    ['an unknown key', 'version: 1\nleaks: []\nextra: 1\n...\n', /goleak-baseline\.yaml:3: .*unknown key "extra"/],
    [
      'a wrong type',
      'version: 1\nleaks:\n  - fingerprint: 0123456789abcdef\n    package: x\n    test: TestX\n    count: many\n    state: select\n    top: x.F\n...\n',
      /goleak-baseline\.yaml:6: expected .*count/,
    ],
  ])(
    'baseline with %s: exit 2, file:line, file untouched, with --update-baseline too',
    async (_what, text, message) => {
      writeFileSync(baselineFile, text);
      for (const args of [[], ['--update-baseline']]) {
        const r = await runCli(mod, args);
        expect(r.exitCode).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(message);
        expect(readFileSync(baselineFile, 'utf8')).toBe(text);
      }
      rmSync(baselineFile);
    },
  );
});

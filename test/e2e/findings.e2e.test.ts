// End to end over fixtures/findings with the real go test: findings located at the user's line,
// subtests named by the closures Go ran, one finding per leak site, inlined constructors and
// examples attributed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, normalise, readJson, runCli, tempDir } from './run-cli.js';

const moduleDir = fixture('findings');
const out = tempDir();
let run: Awaited<ReturnType<typeof runCli>>;
let report: any;

const leaksOf = (pkg: string): any[] =>
  report.packages.find((p: any) => p.importPath === `example.com/findings/${pkg}`).leaks;
const names = (leak: any): string[] => leak.tests.map((t: any) => `${t.name} ×${t.count}`);

beforeAll(async () => {
  run = await runCli(moduleDir, [
    '--no-config',
    '--no-baseline',
    '--max-wait',
    '500ms',
    '--json',
    join(out.path, 'report.json'),
    './...',
    '--',
    '-count=1',
  ]);
  report = readJson(join(out.path, 'report.json'));
});
afterAll(() => out.remove());

describe('goleak-run on fixtures/findings', () => {
  it('reports schema 2 and every leak', () => {
    expect(run.exitCode).toBe(1);
    expect(report.schemaVersion).toBe(2);
    expect(report.summary).toMatchObject({ packages: 4, leaked: 4, leakFindings: 7, leakedGoroutines: 27 });
  });

  it('locates the open httptest server at the test’s NewServer line, the library’s go statement as a detail', () => {
    const server = leaksOf('server').find((l) => l.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(server.createdAt).toEqual({
      file: 'server/server_test.go',
      line: 11,
      function: 'example.com/findings/server.TestOpenServer',
      inModule: true,
    });
    expect(server.goStatement.file).toMatch(/\/src\/net\/http\/httptest\/server\.go$/);
    expect(names(server)).toEqual(['TestOpenServer ×1']);
    // The connection the open server still holds: at the http.Get line, the next one.
    const conns = leaksOf('server').filter((l) => l.createdBy === 'net/http.(*Transport).dialConn');
    expect(conns.map((l) => [l.createdAt.line, l.state]).sort()).toEqual([
      [12, 'IO wait'],
      [12, 'select'],
    ]);
    expect(run.stdout).toContain(
      '      created at: server/server_test.go:11 in example.com/findings/server.TestOpenServer\n',
    );
  });

  it('names the leaking subtest A/A1, not the sibling A2 whose line the A level prints', () => {
    expect(leaksOf('nested').map(names)).toEqual([['TestNested/A/A1 ×1']]);
  });

  it('makes a site that 20 tests leaked one finding listing the 20', () => {
    const [site, ...rest] = leaksOf('site');
    expect(rest).toEqual([]);
    expect(site.count).toBe(20);
    expect(site.createdAt).toMatchObject({ file: 'site/site.go', line: 7, inModule: true });
    const twenty = Array.from({ length: 20 }, (_, i) => `TestWorker${String(i + 1).padStart(2, '0')} ×1`);
    expect(names(site)).toEqual(twenty);
    expect(run.stdout).toContain(
      '      tests:      TestWorker01 ×1, TestWorker02 ×1, TestWorker03 ×1, TestWorker04 ×1, TestWorker05 ×1, … ' +
        '15 more\n',
    );
  });

  it('attributes a constructor inlined into a test and into an example', () => {
    expect(leaksOf('inlined').map(names)).toEqual([['ExampleNew ×1', 'TestInlined ×1']]);
  });

  it('leaves the fixture untouched', () => {
    expect(gitStatus('fixtures/findings')).toBe('');
  });

  it('console golden', async () => {
    await expect(normalise(run.stdout, moduleDir)).toMatchFileSnapshot('__golden__/findings/console.txt');
  });
});

import { describe, it, expect } from 'vitest';
import { formatTap } from '../../src/report/format-tap.js';
import type { RunReport } from '../../src/model.js';
import { sampleReport } from './sample-report.js';
import { parseTap } from './tap-read.js';

describe('formatTap', () => {
  const tap = formatTap(sampleReport);
  const { points, final, errors } = parseTap(tap);
  const top = points.filter((p) => p.path.length === 0);
  const under = (pkg: string) => points.filter((p) => p.path.join('/') === pkg);

  it('matches the golden document', async () => {
    await expect(tap).toMatchFileSnapshot('__golden__/report.tap');
  });

  it('is TAP version 14 that tap-parser reads without errors', () => {
    expect(tap.startsWith('TAP version 14\n1..8\n')).toBe(true);
    expect(errors).toEqual([]);
    expect(final.plan).toMatchObject({ start: 1, end: 8 });
    expect(final).toMatchObject({ ok: false, count: 8, pass: 4, fail: 4, skip: 1, todo: 0 });
  });

  it('has one test point per package, in order, ok only when the package passed', () => {
    expect(top.map((p) => [p.id, p.name, p.ok])).toEqual([
      [1, 'example.com/demo', true],
      [2, 'example.com/demo/cache', true],
      [3, 'example.com/demo/internal/buildbroken', false],
      [4, 'example.com/demo/internal/docs', true],
      [5, 'example.com/demo/parser', false],
      [6, 'example.com/demo/pool', false],
      [7, 'example.com/demo/queue', false],
      [8, 'example.com/demo/server', true],
    ]);
    expect(top[3]!.skip).toBe('no test files');
  });

  it('has a subtest per test and per leak finding', () => {
    expect(under('example.com/demo/pool').map((p) => [p.name, p.ok])).toEqual([
      ['TestPoolStart', true],
      ['TestPoolWorkers', true],
      ['TestPoolWorkers/drain', true],
      ['leak: TestPoolStart +1 more ×3 chan receive in pool.(*Pool).worker', false],
      ['leak: TestPoolWorkers/drain ×1 select in pool.recvOrDone', false],
      ['leak: package level ×1 sleep in time.Sleep', false],
    ]);
    expect(under('example.com/demo/queue').map((p) => p.name)).toEqual([
      'TestQueueFast',
      'TestQueueBlocks',
      'leak: TestQueueBlocks ×1 chan send in queue.(*Queue).Push',
    ]);
    expect(under('example.com/demo/internal/buildbroken')).toEqual([]);
    expect(under('example.com/demo/cache').find((p) => p.name === 'TestCacheEvict')!.skip).toBe(
      'cache_test.go:40: skipping: needs -long',
    );
  });

  it('marks a known leak as TODO so it does not fail its package', () => {
    const known = under('example.com/demo/server')[1]!;
    expect(known.ok).toBe(false);
    expect(known.todo).toBe('known leak, accepted by the baseline');
    expect(top[7]!.ok).toBe(true);
  });

  it('carries every leak detail in the YAML diagnostics', () => {
    const leaks = points.filter((p) => p.name.startsWith('leak: '));
    const findings = sampleReport.packages.flatMap((p) => p.leaks);
    expect(leaks).toHaveLength(findings.length);
    expect(leaks[0]!.diag).toEqual({
      count: 3,
      state: 'chan receive',
      tests: [
        { name: 'TestPoolStart', count: 2 },
        { name: 'TestPoolWorkers', count: 1 },
      ],
      topFunction: 'example.com/demo/pool.(*Pool).worker',
      createdBy: 'example.com/demo/pool.(*Pool).Start',
      createdAt: 'pool/pool.go:31',
      createdAtInModule: true,
      goStatement: 'pool/pool.go:31',
      source: 'end-of-run',
      provenByGc: true,
      fingerprint: '3f9a1c0e5b7d2a64',
      baseline: 'new',
      stack: [
        'example.com/demo/pool.(*Pool).worker pool/pool.go:44',
        'example.com/demo/pool.(*Pool).Start.gowrap1 pool/pool.go:31',
      ],
    });
    expect(leaks[1]!.diag).toMatchObject({
      waitMinutes: 2,
      tests: [{ name: 'TestPoolWorkers/drain', count: 1 }],
      createdAt: 'pool/drain.go:18',
    });
    expect(leaks[2]!.diag).toMatchObject({ tests: [{ name: 'package level', count: 1 }], topFunction: 'time.Sleep' });
    expect(leaks[3]!.diag).toMatchObject({ source: 'timeout', tests: [{ name: 'TestQueueBlocks', count: 1 }] });
    expect(leaks[4]!.diag).toMatchObject({
      baseline: 'known',
      createdAt: '/usr/local/go/src/net/http/transport.go:1944',
      createdAtInModule: false,
    });
    leaks.forEach((leak, i) => {
      const f = findings[i]!;
      expect(leak.diag!.count).toBe(f.count);
      expect(leak.diag!.fingerprint).toBe(f.fingerprint);
      expect(leak.diag!.stack).toEqual(f.stack.map((fr) => `${fr.func} ${fr.file}:${fr.line}`));
    });
  });

  it('carries failing test output without ANSI or control characters, and package failures', () => {
    const failed = under('example.com/demo/parser')[0]!;
    expect(failed.diag).toEqual({
      elapsedSeconds: 0.003,
      output: [
        '    parser_test.go:27: header mismatch: 100% wrong, got a, b',
        '        got:  "Content-Type: text/plain"',
        '        want: "Content-Type: text/html" <b>&amp;</b>',
        '    parser_test.go:31: raw bytes:  ]]> end ]]> twice',
        '--- FAIL: TestParseHeader (0.00s)',
      ].join('\n'),
    });
    expect(under('example.com/demo/queue')[1]!.diag).toEqual({
      elapsedSeconds: 30,
      message: 'did not finish: the test binary timed out or crashed',
    });
    expect(top[2]!.diag).toMatchObject({ status: 'build-failed', failures: [sampleReport.packages[2]!.failures[0]] });
    expect(top[6]!.diag).toEqual({
      status: 'failed',
      elapsedSeconds: 30.041,
      cached: false,
      failures: ['panic: test timed out after 30s\n\trunning tests:\n\t\tTestQueueBlocks (30s)'],
      warnings: ['leak check did not run: the test binary was killed by -timeout'],
    });
    expect(top[0]!.diag).toEqual({ status: 'passed', elapsedSeconds: 0.012, cached: true });
  });

  it('ends with stale entries and the summary line as comments', () => {
    const tail = tap.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toBe(
      '# stale baseline entry: example.com/demo/cache TestCacheWarm: chan receive in cache.(*Cache).refresh, created by cache.New [9d4b27e1f0c3a856]',
    );
    expect(tail[1]).toMatch(/^# goleak-run: FAIL 8 packages: /);
  });

  it('escapes # and backslashes in names so they are not read as directives', () => {
    const pkg = sampleReport.packages[0]!;
    const odd: RunReport = {
      ...sampleReport,
      packages: [{ ...pkg, tests: [{ ...pkg.tests[0]!, name: 'TestOdd/a # SKIP b\\c' }] }],
    };
    const parsed = parseTap(formatTap(odd));
    const child = parsed.points.find((p) => p.path.length === 1)!;
    expect(child.skip).toBe(false);
    expect(child.name).toBe('TestOdd/a # SKIP b\\c');
    expect(parsed.errors).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import { foldRecorded, runOf } from './fold-helpers.js';

const P = 'example.com/dumps/gotest';
const statuses = (run: { tests: { name: string; status: string }[] }) => run.tests.map((t) => [t.name, t.status]);

describe('the run fold over recorded go test -json streams', () => {
  it('basic.jsonl: pass, fail, skip, subtests, parallel tests, a line split by test2json', () => {
    const folded = foldRecorded('basic.jsonl');
    expect(folded.warnings).toEqual([]);
    expect(folded.progress.map((p) => [p.importPath, p.leakFound])).toEqual([[`${P}/basic`, false]]);
    const run = runOf(folded, `${P}/basic`);
    expect(statuses(run)).toEqual([
      ['TestPass', 'pass'],
      ['TestFail', 'fail'],
      ['TestSkip', 'skip'],
      ['TestSub', 'fail'],
      ['TestSub/ok', 'pass'],
      ['TestSub/bad', 'fail'],
      ['TestSub/skipped', 'skip'],
      ['TestParallelA', 'pass'],
      ['TestParallelB', 'pass'],
      ['TestLongLine', 'pass'],
    ]);
    expect(run.tests[1]?.output).toEqual(['=== RUN   TestFail', '    basic_test.go:13: want 1, got 2', '--- FAIL: TestFail (0.00s)']);
    expect(run.tests[7]?.output).toEqual([
      '=== RUN   TestParallelA',
      '=== PAUSE TestParallelA',
      '=== CONT  TestParallelA',
      'in A',
      '--- PASS: TestParallelA (0.00s)',
    ]);
    const long = run.tests[9]?.output ?? [];
    expect(long).toHaveLength(3);
    expect(long[1]).toBe(`long:${'x'.repeat(10000)}:end`);
    expect(run).toMatchObject({ action: 'fail', cached: false, buildFailed: false, buildOutput: [], check: { kind: 'missing' } });
    expect(run.output).toEqual(['FAIL', `FAIL\t${P}/basic\t0.003s`]);
    expect(run.elapsedSeconds).toBe(0.003);
    expect(run.timeout).toBeUndefined();
    expect(run.panic).toBeUndefined();
  });

  it('panics.jsonl: the panicking test and its message; later tests never ran', () => {
    const run = runOf(foldRecorded('panics.jsonl'), `${P}/panics`);
    expect(statuses(run)).toEqual([
      ['TestBefore', 'pass'],
      ['TestPanic', 'fail'],
    ]);
    expect(run.panic).toEqual({ test: 'TestPanic', message: 'assignment to entry in nil map' });
    expect(run.tests[1]?.output).toContain('panic: assignment to entry in nil map [recovered, repanicked]');
    expect(run.tests[1]?.output).toContain('goroutine 8 [running]:');
    expect(run.check).toEqual({ kind: 'missing' });
    expect(run.action).toBe('fail');
  });

  it('timeout.jsonl: running tests and the full dump, kept out of the output', () => {
    const run = runOf(foldRecorded('timeout.jsonl'), `${P}/timeout`);
    expect(statuses(run)).toEqual([
      ['TestQuick', 'pass'],
      ['TestHang', 'running'],
    ]);
    expect(run.timeout?.runningTests).toEqual(['TestHang']);
    expect(run.tests[1]?.output).toEqual(['=== RUN   TestHang', 'panic: test timed out after 1s', '\trunning tests:', '\t\tTestHang (1s)', '']);
    expect(run.output).toEqual([`FAIL\t${P}/timeout\t1.005s`]);
    expect(run.panic).toBeUndefined();
    const dump = parseDump(run.timeout?.dump ?? '');
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state])).toEqual([
      [17, 'running'],
      [1, 'chan receive'],
      [8, 'chan receive'],
      [9, 'chan receive'],
    ]);
    expect(dump.goroutines[3]?.createdBy).toMatchObject({ func: `${P}/timeout.TestHang`, goroutine: 8 });
    expect(run.check).toEqual({ kind: 'missing' });
  });

  it('buildfail.jsonl: build output by ImportPath, through FailedBuild for a broken dependency', () => {
    const folded = foldRecorded('buildfail.jsonl', { rewriteOutput: (line) => line.replace(/^gotest\//, 'fixtures/') });
    expect(folded.runs.map((r) => [r.importPath, r.action, r.buildFailed])).toEqual([
      [`${P}/buildfail`, 'fail', true],
      [`${P}/usesbroken`, 'fail', true],
      [`${P}/vetfail`, 'fail', true],
    ]);
    expect(runOf(folded, `${P}/buildfail`).buildOutput).toEqual([
      `# ${P}/buildfail [${P}/buildfail.test]`,
      'fixtures/buildfail/broken_test.go:8:17: cannot use Answer() (value of type int) as string value in variable declaration',
    ]);
    expect(runOf(folded, `${P}/usesbroken`).buildOutput).toEqual([
      `# ${P}/brokendep`,
      'fixtures/brokendep/broken.go:5:28: cannot use "not an int" (untyped string constant) as int value in return statement',
    ]);
    expect(runOf(folded, `${P}/vetfail`).buildOutput).toEqual([
      `# ${P}/vetfail`,
      `# [${P}/vetfail]`,
      'fixtures/vetfail/vetfail_test.go:11:42: fmt.Printf format %d has arg "not a number" of wrong type string',
    ]);
    for (const run of folded.runs) {
      expect(run.output).toEqual([`FAIL\t${run.importPath} [build failed]`]);
      expect(run.tests).toEqual([]);
      // Nothing ran, so there was nothing to check: not reported as a missing check.
      expect(run.check).toEqual({ kind: 'clean', waitedMs: 0 });
    }
  });

  it('notests.jsonl: skipped package, no check expected', () => {
    const run = runOf(foldRecorded('notests.jsonl'), `${P}/notests`);
    expect(run).toEqual({
      importPath: `${P}/notests`,
      action: 'skip',
      elapsedSeconds: 0,
      cached: false,
      tests: [],
      output: [`?   \t${P}/notests\t[no test files]`],
      buildOutput: [],
      buildFailed: false,
      check: { kind: 'clean', waitedMs: 0 },
    });
  });

  it('markers.jsonl: clean, leaked with its dump, and missing; markers never reach the output', () => {
    const folded = foldRecorded('markers.jsonl');
    expect(folded.progress.map((p) => [p.importPath, p.leakFound])).toEqual([
      [`${P}/markclean`, false],
      [`${P}/markleak`, true],
      [`${P}/marknone`, false],
    ]);
    expect(runOf(folded, `${P}/markclean`).check).toEqual({ kind: 'clean', waitedMs: 0 });
    expect(runOf(folded, `${P}/marknone`).check).toEqual({ kind: 'missing' });
    const leak = runOf(folded, `${P}/markleak`);
    expect(leak.output).toEqual(['PASS', `ok  \t${P}/markleak\t0.024s`]);
    for (const t of leak.tests) expect(t.output.join('\n')).not.toMatch(/goleak-run|goroutine \d/);
    expect(leak.check.kind).toBe('leaked');
    if (leak.check.kind !== 'leaked') return;
    expect(leak.check.waitedMs).toBe(20);
    expect(leak.check.dump.startsWith('goroutine 1 [running]:\n')).toBe(true);
    expect(leak.check.dump.endsWith('/usr/local/go/src/internal/abi/type.go:207 +0xa5\n')).toBe(true);
    const dump = parseDump(leak.check.dump);
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state, g.frames[0]?.func])).toEqual([
      [1, 'running', `${P}/markleak.TestMain`],
      [8, 'select', `${P}/markleak.(*poller).loop`],
      [11, 'chan send', `${P}/markleak.TestSubLeak.func1.1`],
    ]);
    // tracebackancestors=10: the subtest's leak leads back through testing.tRunner.
    const ancestors = dump.goroutines[2]?.ancestors ?? [];
    expect(ancestors[0]?.frames.map((f) => f.func)).toEqual([`${P}/markleak.TestSubLeak.func1`, 'testing.tRunner']);
    expect(ancestors.map((a) => a.goroutine)).toEqual([10, 9, 1]);
    expect(ancestors[0]?.createdBy).toEqual({ func: 'testing.(*T).Run', file: '/usr/local/go/src/testing/testing.go', line: 2101 });
    expect(ancestors[1]?.frames[1]?.func).toBe(`${P}/markleak.TestSubLeak`);
  });

  it('cached.jsonl: cached packages replay their markers', () => {
    const folded = foldRecorded('cached.jsonl');
    expect(folded.runs.map((r) => [r.importPath, r.cached, r.action, r.check.kind])).toEqual([
      [`${P}/markclean`, true, 'pass', 'clean'],
      [`${P}/markleak`, true, 'pass', 'leaked'],
    ]);
    expect(runOf(folded, `${P}/markclean`).output).toEqual(['PASS', `ok  \t${P}/markclean\t(cached)`]);
  });

  it('interleaved.jsonl: five packages at once give the same results as one at a time', () => {
    const folded = foldRecorded('interleaved.jsonl');
    expect(folded.warnings).toEqual([]);
    expect(folded.progress.map((p) => p.importPath).sort()).toEqual(
      ['basic', 'markclean', 'markleak', 'notests', 'panics'].map((n) => `${P}/${n}`),
    );
    const alone = [
      ...foldRecorded('basic.jsonl').runs,
      ...foldRecorded('markers.jsonl').runs,
      ...foldRecorded('notests.jsonl').runs,
      ...foldRecorded('panics.jsonl').runs,
    ];
    for (const run of folded.runs) {
      const single = alone.find((r) => r.importPath === run.importPath);
      expect(statuses(run)).toEqual(statuses(single ?? { tests: [] }));
      expect([run.action, run.check.kind, run.panic?.test]).toEqual([single?.action, single?.check.kind, single?.panic?.test]);
      // The panic trace is longer here: this run had tracebackancestors=10, panics.jsonl did not.
      const calm = run.tests.filter((t) => t.name !== run.panic?.test);
      for (const t of calm) expect(t.output.length).toBe(single?.tests.find((s) => s.name === t.name)?.output.length);
    }
  });
});

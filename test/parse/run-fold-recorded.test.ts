import { describe, it, expect } from 'vitest';
import { parseFoldedDump } from '../../src/parse/folded-dump.js';
import { RECORDING_KEY } from './recorded.js';
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
    expect(run.tests[1]?.output).toEqual([
      '=== RUN   TestFail',
      '    basic_test.go:13: want 1, got 2',
      '--- FAIL: TestFail (0.00s)',
    ]);
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
    expect(run).toMatchObject({
      action: 'fail',
      cached: false,
      buildFailed: false,
      buildOutput: [],
      check: { kind: 'missing' },
    });
    expect(run.output).toEqual(['FAIL', `FAIL\t${P}/basic\t0.003s`]);
    expect(run.elapsedSeconds).toBe(0.003);
    expect(run.timeout).toBeUndefined();
    expect(run.panic).toBeUndefined();
  });

  it('panics.jsonl: statuses come from the events; the panic text is output, not a verdict', () => {
    const run = runOf(foldRecorded('panics.jsonl'), `${P}/panics`);
    expect(statuses(run)).toEqual([
      ['TestBefore', 'pass'],
      ['TestPanic', 'fail'],
    ]);
    // The message comes from the crash file the runtime writes (crash-text tests), never from output.
    expect(run.panic).toBeUndefined();
    expect(run.tests[1]?.output).toContain('panic: assignment to entry in nil map [recovered, repanicked]');
    expect(run.tests[1]?.output).toContain('goroutine 8 [running]:');
    expect(run.check).toEqual({ kind: 'missing' });
    expect(run.action).toBe('fail');
  });

  it('timeout.jsonl: the hung test is still running when the package fails; the dump stays output', () => {
    const run = runOf(foldRecorded('timeout.jsonl'), `${P}/timeout`);
    expect(statuses(run)).toEqual([
      ['TestQuick', 'pass'],
      ['TestHang', 'running'],
    ]);
    expect(run.timeout).toBeUndefined();
    expect(run.tests[1]?.output.slice(0, 4)).toEqual([
      '=== RUN   TestHang',
      'panic: test timed out after 1s',
      '\trunning tests:',
      '\t\tTestHang (1s)',
    ]);
    expect(run.action).toBe('fail');
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
      expect(run.check).toEqual({ kind: 'clean', waitedMs: 0, ignored: 0 });
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
      check: { kind: 'clean', waitedMs: 0, ignored: 0 },
    });
  });

  it('markers.jsonl: clean, leaked with folded groups, and missing; records never reach the output', () => {
    const folded = foldRecorded('markers.jsonl', { key: RECORDING_KEY });
    expect(folded.progress.map((p) => [p.importPath, p.leakFound])).toEqual([
      [`${P}/markclean`, false],
      [`${P}/markleak`, true],
      [`${P}/marknone`, false],
    ]);
    const clean = runOf(folded, `${P}/markclean`);
    expect(clean.check).toMatchObject({ kind: 'clean', ignored: 0 });
    expect(clean.streamRecord).toBe(true);
    // Lines shaped like records but not signed with the key stay test output and change nothing.
    const forged = clean.tests.find((t) => t.name === 'TestForgesRecords')?.output.join('\n') ?? '';
    expect(forged).toContain('goleak-run:v2 0000');
    expect(runOf(folded, `${P}/marknone`).check).toEqual({ kind: 'missing' });
    const leak = runOf(folded, `${P}/markleak`);
    expect(leak.output).toEqual(['PASS', expect.stringMatching(new RegExp(`^ok  \\t${P}/markleak\\t0\\.\\d+s$`))]);
    for (const t of leak.tests) expect(t.output.join('\n')).not.toMatch(/goleak-run:v2 [0-9a-f]{64}|goroutine \d+ \[/);
    expect(statuses(leak).every(([, s]) => s === 'pass')).toBe(true);
    expect(leak.panic).toBeUndefined();
    expect(leak.timeout).toBeUndefined();
    expect(leak.check.kind).toBe('leaked');
    if (leak.check.kind !== 'leaked') return;
    expect(leak.check.waitedMs).toBeGreaterThanOrEqual(20);
    const dump = parseFoldedDump(leak.check.groups);
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.state, g.frames[0]?.func, g.folded?.count])).toEqual([
      ['select', `${P}/markleak.(*poller).loop`, 1],
      ['chan send', `${P}/markleak.TestSubLeak.func1.1`, 1],
    ]);
    // tracebackancestors=10: the subtest's leak leads back through testing.tRunner.
    const ancestors = dump.goroutines[1]?.ancestors ?? [];
    expect(ancestors[0]?.frames.map((f) => f.func)).toEqual([`${P}/markleak.TestSubLeak.func1`, 'testing.tRunner']);
    expect(ancestors[1]?.frames[1]?.func).toBe(`${P}/markleak.TestSubLeak`);
  });

  it('markers.jsonl: without the key no record verifies, so every check is missing', () => {
    const folded = foldRecorded('markers.jsonl');
    expect(folded.runs.map((r) => r.check.kind)).toEqual(['missing', 'missing', 'missing']);
  });

  it('cached.jsonl: cached packages replay their signed records', () => {
    const folded = foldRecorded('cached.jsonl', { key: RECORDING_KEY });
    expect(folded.runs.map((r) => [r.importPath, r.streamRecord, r.action, r.check.kind])).toEqual([
      [`${P}/markclean`, true, 'pass', 'clean'],
      [`${P}/markleak`, true, 'pass', 'leaked'],
    ]);
    expect(runOf(folded, `${P}/markclean`).output).toEqual(['PASS', `ok  \t${P}/markclean\t(cached)`]);
  });

  it('interleaved.jsonl: five packages at once give the same results as one at a time', () => {
    const folded = foldRecorded('interleaved.jsonl', { key: RECORDING_KEY });
    expect(folded.warnings).toEqual([]);
    expect(folded.progress.map((p) => p.importPath).sort()).toEqual(
      ['basic', 'markclean', 'markleak', 'notests', 'panics'].map((n) => `${P}/${n}`),
    );
    const alone = [
      ...foldRecorded('basic.jsonl').runs,
      ...foldRecorded('markers.jsonl', { key: RECORDING_KEY }).runs,
      ...foldRecorded('notests.jsonl').runs,
      ...foldRecorded('panics.jsonl').runs,
    ];
    for (const run of folded.runs) {
      const single = alone.find((r) => r.importPath === run.importPath);
      expect(statuses(run)).toEqual(statuses(single ?? { tests: [] }));
      expect(run.action).toBe(single?.action);
      // basic.jsonl was recorded without the check; here the check ran in it too.
      if (run.importPath.endsWith('/basic')) expect(run.check.kind).toBe('clean');
      else expect(run.check.kind).toBe(single?.check.kind);
      // The panic trace is longer here: this run had tracebackancestors=10, panics.jsonl did not.
      const calm = run.tests.filter((t) => t.name !== 'TestPanic');
      for (const t of calm) expect(t.output.length).toBe(single?.tests.find((s) => s.name === t.name)?.output.length);
    }
  });
});

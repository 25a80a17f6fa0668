import { describe, it, expect } from 'vitest';
import { loadDump } from './support/parse-dump.js';
import { classifyRecorded, testsOf } from './support/classify-recorded.js';

const M = 'example.com/leaky/findings';

describe('leak sites and their tests in a real dump (findings.txt)', () => {
  const { findings } = classifyRecorded('findings.txt', 'findings');
  const site = (createdBy: string) => findings.find((f) => f.createdBy === `${M}.${createdBy}`);

  it('makes one finding per leak site, whatever the number of tests that leaked it', () => {
    expect(findings.map((f) => [f.createdBy, f.count])).toEqual([
      [`${M}.Start`, 11],
      [`${M}.(*Thing).run`, 2],
      [`${M}.runJanitor`, 1],
    ]);
    expect(site('Start')?.createdAt).toEqual({
      file: 'findings/findings.go',
      line: 9,
      func: `${M}.Start`,
      inModule: true,
    });
  });

  it('names each test that leaked at a site, with its count, and only what the chain proves', () => {
    expect(testsOf(site('Start')!)).toEqual([
      'ExampleStart ×1',
      // t.Run on the test's own `t` from inside "outer" starts TestCapturedOuter/sibling, not outer/sibling.
      'TestCapturedOuter ×1',
      // Computed names shared by one closure: the parent.
      'TestComputed ×2',
      'TestDeep/one/two/three ×1',
      // "dup" twice: Go named the second dup#01, so neither name is proven.
      'TestDuplicate ×1',
      // The loop ran the literal twice (loop, loop#01): the parent.
      'TestLoop ×2',
      'TestNamed/named ×1',
      'TestNested/A/A1 ×1',
      // Two literals on the printed line cannot be told apart: the parent.
      'TestSameLine ×1',
    ]);
  });

  it('names A/A1 although the A level’s return address prints the line of t.Run("A2")', () => {
    const nested = loadDump('findings.txt').goroutines.find((g) =>
      g.ancestors.some((a) => a.frames.some((f) => f.func === `${M}.TestNested.func1.1`)),
    );
    const parentFrame = nested?.ancestors.flatMap((a) => a.frames).find((f) => f.func === `${M}.TestNested.func1`);
    expect(parentFrame?.line).toBe(14); // t.Run("A2", … in findings_test.go
  });

  it('finds the test behind an inlined constructor, and an example, from the test frame printed above it', () => {
    expect(testsOf(site('(*Thing).run')!)).toEqual(['ExampleNew ×1', 'TestInlined ×1']);
  });

  it('says unknown when the constructor hides every frame of the test (go-cache’s shape)', () => {
    const janitor = loadDump('findings.txt').goroutines.find((g) => g.createdBy?.func === `${M}.runJanitor`);
    const funcs = janitor?.ancestors.flatMap((a) => a.frames.map((f) => f.func)) ?? [];
    expect(funcs).toContain('testing.tRunner');
    expect(funcs.some((f) => f.includes('TestCacheFirst'))).toBe(false);
    expect(testsOf(site('runJanitor')!)).toEqual(['unknown ×1']);
  });

  it('gives only proven prefixes when the run did not report the subtest names', () => {
    const { findings: noNames } = classifyRecorded('findings.txt', 'findings', { testNames: [] });
    const start = noNames.find((f) => f.createdBy === `${M}.Start`);
    expect(testsOf(start!)).toContain('TestNested ×1');
    expect(testsOf(start!).some((t) => t.includes('/'))).toBe(false);
  });

  it('gives only the top-level test when the sources cannot be read', () => {
    const { findings: blind } = classifyRecorded('findings.txt', 'findings', { readSource: () => undefined });
    const start = blind.find((f) => f.createdBy === `${M}.Start`);
    expect(testsOf(start!)).toEqual([
      'ExampleStart ×1',
      'TestCapturedOuter ×1',
      'TestComputed ×2',
      'TestDeep ×1',
      'TestDuplicate ×1',
      'TestLoop ×2',
      'TestNamed ×1',
      'TestNested ×1',
      'TestSameLine ×1',
    ]);
  });
});

describe('a leak started under a closure of a method inlined into the test (inlined.txt)', () => {
  it('names the test from its own frame, below the closure Go names after it', () => {
    const { findings } = classifyRecorded('inlined.txt', 'inlined');
    expect(findings).toHaveLength(1);
    const [leak] = findings;
    expect(testsOf(leak!)).toEqual(['TestDecorated ×1']);
    expect(leak?.createdAt).toMatchObject({ file: 'inlined/inlined_test.go', line: 37, inModule: true });
  });

  it('cannot tell the test without the sources: the closure stands above the frame it proves', () => {
    const { findings } = classifyRecorded('inlined.txt', 'inlined', { readSource: () => undefined });
    expect(testsOf(findings[0]!)).toEqual(['unknown ×1']);
  });
});

describe('a leak started through sync.WaitGroup.Go (wggo.txt)', () => {
  it('is located at the call to wg.Go, not where the goroutine is stuck', () => {
    const { findings } = classifyRecorded('wggo.txt', 'wggo');
    expect(findings).toHaveLength(1);
    const [leak] = findings;
    expect(leak?.createdBy).toBe('sync.(*WaitGroup).Go');
    expect(testsOf(leak!)).toEqual(['TestWaitGroupGo ×1']);
    // wggo_test.go:36 is `wg.Go(func() {`; the goroutine waits in block(), line 32.
    expect(leak?.createdAt).toEqual({
      file: 'wggo/wggo_test.go',
      line: 36,
      func: 'example.com/leaky/wggo.TestWaitGroupGo',
      inModule: true,
    });
  });
});

import { describe, it, expect } from 'vitest';
import { classifyRecorded, describeFindings } from './support/classify-recorded.js';
import { readRecordedSource } from './support/parse-dump.js';

const M = 'example.com/leaky/leaks';

describe('classifyDump over a real end-of-run dump (leaks.txt)', () => {
  const { findings, ignored } = classifyRecorded('leaks.txt', 'leaks');

  it('attributes every leak to the test, subtest or package level that started it', () => {
    expect(describeFindings(findings)).toEqual([
      `ExampleServe <- ${M}.Serve (1)`,
      `FuzzSeed <- ${M}.FuzzSeed.func1 (1)`,
      'TestExternal <- example.com/leaky/leaks.Serve (1)',
      'TestHTTPServer <- net/http.(*Server).Serve (1)',
      'TestHTTPServer <- net/http.(*Transport).dialConn (1)',
      'TestHTTPServer <- net/http.(*Transport).dialConn (1)',
      'TestHTTPServer <- net/http/httptest.(*Server).goServe (1)',
      `TestNested <- ${M}.TestNested (1)`,
      `TestNested <- ${M}.TestNested.func1 (1)`,
      `TestParallel <- ${M}.TestParallel (1)`,
      `TestSub/outer/inner#x <- ${M}.TestSub.func2.1 (1)`,
      `TestSub/with_space <- ${M}.TestSub.func1 (1)`,
      // t.Run(tc.name, …): the two table cases group into one finding of the top-level test.
      `TestTable <- ${M}.Serve (2)`,
      `TestTop <- ${M}.TestTop (1)`,
      `package level <- ${M}.TestMain (1)`,
      `package level <- ${M}.init.0 (1)`,
      // time.AfterFunc runs the function on a goroutine with no recorded ancestors.
      'unknown <- time.goFunc (1)',
    ]);
  });

  it('drops the check goroutine and the signal loop', () => {
    // The signal loop counts as ignored; the check's own goroutine is dropped uncounted.
    expect(ignored).toBe(1);
    expect(findings.some((f) => f.stack.some((fr) => fr.func.includes('goleakrun') || fr.func === 'os/signal.loop'))).toBe(false);
  });

  it('reports module files relative to the module root and keeps GOROOT files absolute', () => {
    const top = findings.find((f) => f.createdBy === `${M}.TestTop`);
    expect(top?.createdAt).toEqual({ file: 'leaks/leaks_test.go', line: 15 });
    expect(top?.stack[0]).toMatchObject({ func: `${M}.Block`, file: 'leaks/leaks.go', line: 33 });
    const accept = findings.find((f) => f.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(accept?.createdAt?.file).toBe('/usr/local/go/src/net/http/httptest/server.go');
  });

  it('names the first frame a user recognises, past runtime and internal/poll frames', () => {
    const accept = findings.find((f) => f.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(accept?.stack[0]?.func).toBe('internal/poll.runtime_pollWait');
    expect(accept?.topFunction).toBe('net.(*netFD).accept');
  });

  it('groups identical goroutines with their ids and sorts by count, then top function, then fingerprint', () => {
    expect(findings[0]?.count).toBe(2);
    expect(findings[0]?.goroutineIds).toHaveLength(2);
    expect(findings[0]?.goroutineIds).toEqual([...(findings[0]?.goroutineIds ?? [])].sort((a, b) => a - b));
    const rest = findings.slice(1);
    const sorted = [...rest].sort((a, b) =>
      a.topFunction === b.topFunction ? (a.fingerprint < b.fingerprint ? -1 : 1) : a.topFunction < b.topFunction ? -1 : 1,
    );
    expect(rest.map((f) => f.fingerprint)).toEqual(sorted.map((f) => f.fingerprint));
    expect(findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint) && f.source === 'end-of-run' && !f.provenByGc)).toBe(true);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  });

  it('applies user rules only to the packages they name', () => {
    const rule = { kind: 'top' as const, func: `${M}.serveLoop`, reason: 'r', origin: 'config' as const };
    const here = classifyRecorded('leaks.txt', 'leaks', { rules: [{ ...rule, packages: ['example.com/leaky/...'] }] });
    expect(here.ignored).toBe(ignored + 4);
    const elsewhere = classifyRecorded('leaks.txt', 'leaks', { rules: [{ ...rule, packages: ['example.com/other/...'] }] });
    expect(elsewhere.ignored).toBe(ignored);
  });
});

describe('fingerprints survive an edit above the leaks (leaks-shifted.txt)', () => {
  // regenerate.sh inserted one comment line at the top of each leaks/ file before recording.
  const shiftedSource = (file: string): string | undefined => {
    const text = readRecordedSource(file);
    return text === undefined ? undefined : `// An edit above the leaks moves every line down by one.\n${text}`;
  };
  const before = classifyRecorded('leaks.txt', 'leaks').findings;
  const after = classifyRecorded('leaks-shifted.txt', 'leaks', { readSource: shiftedSource }).findings;

  it('keeps every fingerprint and attribution while the lines move', () => {
    expect(after.map((f) => f.fingerprint).sort()).toEqual(before.map((f) => f.fingerprint).sort());
    expect(describeFindings(after)).toEqual(describeFindings(before));
    const line = (fs: typeof before) => fs.find((f) => f.createdBy?.endsWith('.TestTop'))?.createdAt?.line;
    expect(line(after)).toBe((line(before) ?? 0) + 1);
  });
});

describe('classifyDump over real timeout dumps', () => {
  it('reports the hung subtest and the goroutine it started as findings of that subtest', () => {
    const { findings, ignored } = classifyRecorded('timeout.txt', 'hang', { source: 'timeout' });
    expect(describeFindings(findings)).toEqual([
      'TestHang/stuck <- example.com/leaky/hang.TestHang.func1 (1)',
      'TestHang/stuck <- testing.(*T).Run (1)',
    ]);
    expect(findings.every((f) => f.source === 'timeout')).toBe(true);
    // alarm, main goroutine, the parent in t.Run, the paused parallel test, the signal loop
    expect(ignored).toBe(5);
  });

  it('gives the same fingerprints under GOTRACEBACK=system, whose runtime goroutines are ignored', () => {
    const plain = classifyRecorded('timeout.txt', 'hang', { source: 'timeout' });
    const system = classifyRecorded('timeout-system.txt', 'hang', { source: 'timeout' });
    expect(system.findings.map((f) => f.fingerprint).sort()).toEqual(plain.findings.map((f) => f.fingerprint).sort());
    expect(system.findings.map((f) => f.topFunction).sort()).toEqual(plain.findings.map((f) => f.topFunction).sort());
    expect(system.ignored).toBeGreaterThan(plain.ignored);
  });

  it('attributes a hung fuzz seed to its fuzz target', () => {
    const { findings } = classifyRecorded('timeout-fuzz.txt', 'fuzzhang', { source: 'timeout' });
    expect(describeFindings(findings)).toEqual(['FuzzHang <- testing.(*F).Fuzz.func1 (1)']);
  });
});

describe('classifyDump over other recorded dumps', () => {
  it('attributes a benchmark leak to the benchmark', () => {
    expect(describeFindings(classifyRecorded('bench.txt', 'bench').findings)).toEqual([
      'BenchmarkLeak <- example.com/leaky/bench.BenchmarkLeak (1)',
    ]);
  });

  it('finds nothing in a clean package', () => {
    // Only the check's own goroutine is left, and it is not the user's: nothing ignored.
    expect(classifyRecorded('clean.txt', 'clean')).toEqual({ findings: [], ignored: 0 });
  });

  it('ignores the profile and trace writers of -cpuprofile and -trace', () => {
    const { findings, ignored } = classifyRecorded('profiled.txt', 'profiled');
    expect(describeFindings(findings)).toEqual(['TestDumpWhileProfiling <- testing.(*T).Run (1)']);
    expect(ignored).toBe(3);
  });
});

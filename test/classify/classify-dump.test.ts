import { describe, it, expect } from 'vitest';
import { classifyDump } from '../../src/classify/index.js';
import { classifyRecorded, describeFindings, recordedContext } from './support/classify-recorded.js';
import { loadDump, readRecordedSource } from './support/parse-dump.js';

const M = 'example.com/leaky/leaks';

describe('classifyDump over a real end-of-run dump (leaks.txt)', () => {
  const { findings, ignored } = classifyRecorded('leaks.txt', 'leaks');

  it('makes one finding per leak site, listing the tests, subtests or package level that leaked it', () => {
    expect(describeFindings(findings)).toEqual([
      // One go statement in Serve, reached from an example, an external test and two table cases.
      `ExampleServe ×1, TestExternal ×1, TestTable ×2 <- ${M}.Serve (4)`,
      `FuzzSeed ×1 <- ${M}.FuzzSeed.func1 (1)`,
      'TestHTTPServer ×1 <- net/http.(*Server).Serve (1)',
      'TestHTTPServer ×1 <- net/http.(*Transport).dialConn (1)',
      'TestHTTPServer ×1 <- net/http.(*Transport).dialConn (1)',
      'TestHTTPServer ×1 <- net/http/httptest.(*Server).goServe (1)',
      `TestNested ×1 <- ${M}.TestNested (1)`,
      `TestNested ×1 <- ${M}.TestNested.func1 (1)`,
      `TestParallel ×1 <- ${M}.TestParallel (1)`,
      `TestSub/outer/inner#x ×1 <- ${M}.TestSub.func2.1 (1)`,
      `TestSub/with_space ×1 <- ${M}.TestSub.func1 (1)`,
      `TestTop ×1 <- ${M}.TestTop (1)`,
      `package level ×1 <- ${M}.TestMain (1)`,
      `package level ×1 <- ${M}.init.0 (1)`,
      // time.AfterFunc runs the function on a goroutine with no recorded ancestors.
      'unknown ×1 <- time.goFunc (1)',
    ]);
  });

  it('locates a leak started inside the standard library at the user’s call into it', () => {
    // leaks_test.go:65 is httptest.NewServer, :66 http.Get; the ancestor frame of NewServer
    // prints line 66, the return address, and is moved back to the call.
    const at = (createdBy: string) =>
      findings
        .filter((f) => f.createdBy === createdBy)
        .map((f) => [f.createdAt?.file, f.createdAt?.line, f.createdAt?.inModule]);
    expect(at('net/http/httptest.(*Server).goServe')).toEqual([['leaks/leaks_test.go', 65, true]]);
    expect(at('net/http.(*Server).Serve')).toEqual([['leaks/leaks_test.go', 65, true]]);
    expect(at('net/http.(*Transport).dialConn')).toEqual([
      ['leaks/leaks_test.go', 66, true],
      ['leaks/leaks_test.go', 66, true],
    ]);
    const server = findings.find((f) => f.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(server?.createdAt?.func).toBe(`${M}.TestHTTPServer`);
    expect(server?.goStatement?.file).toBe('/usr/local/go/src/net/http/httptest/server.go');
  });

  it('locates a goroutine with no module frame in its chain at its go statement, and says so', () => {
    const g = loadDump('leaks.txt').goroutines.find((x) => x.createdBy?.func === 'net/http/httptest.(*Server).goServe');
    const stripped = { goroutines: g ? [{ ...g, ancestors: [] }] : [], warnings: [] };
    const [finding] = classifyDump(stripped, recordedContext('leaks')).findings;
    expect(finding?.createdAt).toMatchObject({
      file: '/usr/local/go/src/net/http/httptest/server.go',
      inModule: false,
    });
    expect(finding?.createdAt?.line).toBe(finding?.goStatement?.line);
  });

  it('drops the check goroutine and the signal loop', () => {
    // The signal loop counts as ignored; the check's own goroutine is dropped uncounted.
    expect(ignored).toBe(1);
    expect(
      findings.some((f) => f.stack.some((fr) => fr.func.includes('goleakrun') || fr.func === 'os/signal.loop')),
    ).toBe(false);
  });

  it('reports module files relative to the module root and keeps GOROOT files absolute', () => {
    const top = findings.find((f) => f.createdBy === `${M}.TestTop`);
    expect(top?.createdAt).toEqual({ file: 'leaks/leaks_test.go', line: 15, func: `${M}.TestTop`, inModule: true });
    expect(top?.goStatement).toEqual({ file: 'leaks/leaks_test.go', line: 15 });
    expect(top?.stack[0]).toMatchObject({ func: `${M}.Block`, file: 'leaks/leaks.go', line: 33 });
    const accept = findings.find((f) => f.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(accept?.goStatement?.file).toBe('/usr/local/go/src/net/http/httptest/server.go');
  });

  it('names the first frame a user recognises, past runtime and internal/poll frames', () => {
    const accept = findings.find((f) => f.createdBy === 'net/http/httptest.(*Server).goServe');
    expect(accept?.stack[0]?.func).toBe('internal/poll.runtime_pollWait');
    expect(accept?.topFunction).toBe('net.(*netFD).accept');
  });

  it('groups a site’s goroutines with their ids and sorts by count, then top function, then fingerprint', () => {
    expect(findings[0]?.count).toBe(4);
    expect(findings[0]?.goroutineIds).toHaveLength(4);
    expect(findings[0]?.goroutineIds).toEqual([...(findings[0]?.goroutineIds ?? [])].sort((a, b) => a - b));
    const rest = findings.slice(1);
    const sorted = [...rest].sort((a, b) =>
      a.topFunction === b.topFunction
        ? a.fingerprint < b.fingerprint
          ? -1
          : 1
        : a.topFunction < b.topFunction
          ? -1
          : 1,
    );
    expect(rest.map((f) => f.fingerprint)).toEqual(sorted.map((f) => f.fingerprint));
    expect(
      findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint) && f.source === 'end-of-run' && !f.provenByGc),
    ).toBe(true);
    // Two sites may share a fingerprint (it has no lines): the transport's read and write loops differ in state.
    expect(new Set(findings.map((f) => `${f.fingerprint} ${f.state}`)).size).toBe(findings.length);
  });

  it('applies user rules only to the packages they name', () => {
    const rule = { kind: 'top' as const, func: `${M}.serveLoop`, reason: 'r', origin: 'config' as const };
    const here = classifyRecorded('leaks.txt', 'leaks', { rules: [{ ...rule, packages: ['example.com/leaky/...'] }] });
    expect(here.ignored).toBe(ignored + 4);
    const elsewhere = classifyRecorded('leaks.txt', 'leaks', {
      rules: [{ ...rule, packages: ['example.com/other/...'] }],
    });
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
      'TestHang/stuck ×1 <- example.com/leaky/hang.TestHang.func1 (1)',
      'TestHang/stuck ×1 <- testing.(*T).Run (1)',
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
    expect(describeFindings(findings)).toEqual(['FuzzHang ×1 <- testing.(*F).Fuzz.func1 (1)']);
  });
});

describe('classifyDump over other recorded dumps', () => {
  it('attributes a benchmark leak to the benchmark', () => {
    expect(describeFindings(classifyRecorded('bench.txt', 'bench').findings)).toEqual([
      'BenchmarkLeak ×1 <- example.com/leaky/bench.BenchmarkLeak (1)',
    ]);
  });

  it('finds nothing in a clean package', () => {
    // Only the check's own goroutine is left, and it is not the user's: nothing ignored.
    expect(classifyRecorded('clean.txt', 'clean')).toEqual({ findings: [], ignored: 0 });
  });

  it('ignores the profile and trace writers of -cpuprofile and -trace', () => {
    const { findings, ignored } = classifyRecorded('profiled.txt', 'profiled');
    expect(describeFindings(findings)).toEqual(['TestDumpWhileProfiling ×1 <- testing.(*T).Run (1)']);
    expect(ignored).toBe(3);
  });
});

describe('goroutines folded in the binary', () => {
  it('count for all they stand for, in the finding, its test and the ignored total', async () => {
    const { parseFoldedDump } = await import('../../src/parse/folded-dump.js');
    const stack =
      'goroutine 7 [chan send]:\nexample.com/m/a.leak()\n\t/m/a/a.go:3 +0x1\ncreated by example.com/m/a.TestX in goroutine 6\n\t/m/a/a_test.go:9 +0x2\n';
    const ignoredStack = stack
      .replaceAll('example.com/m/a.leak', 'example.com/m/a.allowed')
      .replace('goroutine 7', 'goroutine 8');
    const dump = parseFoldedDump([
      { n: 100000, ids: [7, 9, 11], stack },
      { n: 40, ids: [8], stack: ignoredStack },
    ]);
    const result = classifyDump(dump, {
      importPath: 'example.com/m/a',
      modulePath: 'example.com/m',
      moduleDir: '/m',
      rules: [{ kind: 'top', func: 'example.com/m/a.allowed', reason: '', origin: 'cli' }],
      source: 'end-of-run',
      readSource: () => undefined,
      testNames: ['TestX'],
    });
    expect(result.ignored).toBe(40);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ count: 100000, goroutineIds: [7, 9, 11] });
    expect(result.findings[0]?.tests.map((t) => t.count)).toEqual([100000]);
  });
});

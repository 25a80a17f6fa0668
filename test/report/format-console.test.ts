import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createColors } from 'picocolors';
import { formatConsole } from '../../src/report/format-console.js';
import { formatProgress } from '../../src/report/format-progress.js';
import { sampleReport, sampleRepoRoot } from './sample-report.js';
import type { RunReport } from '../../src/model.js';

const plain = createColors(false);
const coloured = createColors(true);

describe('formatConsole', () => {
  it('matches the golden report without colour', async () => {
    await expect(formatConsole(sampleReport, { color: plain, verbose: false })).toMatchFileSnapshot(
      '__golden__/console.txt',
    );
  });

  it('matches the golden verbose report relative to a repository root', async () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: true, repoRoot: sampleRepoRoot });
    await expect(out).toMatchFileSnapshot('__golden__/console-verbose.txt');
  });

  it('ends with one greppable summary line', () => {
    const lines = formatConsole(sampleReport, { color: plain, verbose: false }).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      'goleak-run: FAIL 8 packages: 3 passed, 1 leaked (8 goroutines in 5 findings, 4 new, 1 known), ' +
        '2 failed, 1 build failed, 1 no tests; 1 stale baseline entry; 3.21s',
    );
  });

  it('writes a summary line that the regex documented in the README matches', () => {
    const readme = readFileSync(new URL('../../src/report/README.md', import.meta.url), 'utf8');
    const documented = new RegExp(/It matches `([^`]+)`/.exec(readme)![1]!);
    const last = (r: RunReport) => formatConsole(r, { color: plain, verbose: false }).trimEnd().split('\n').at(-1)!;
    expect(last(sampleReport)).toMatch(documented);
    const one: RunReport = {
      ...sampleReport,
      stale: [],
      summary: { ...sampleReport.summary, packages: 1, stale: 0, leakFindings: 0 },
      exitCode: 0,
    };
    expect(last(one)).toMatch(documented);
  });

  it('omits passing and test-less packages unless verbose', () => {
    const quiet = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(quiet).not.toMatch(/^ok +example\.com\/demo 0\.01s \(cached\)$/m);
    expect(quiet).not.toContain('[no test files]');
    // A passing package with a known leak is still shown.
    expect(quiet).toMatch(/^ok +example\.com\/demo\/server 0\.12s: 2 goroutines in 1 finding$/m);
    const verbose = formatConsole(sampleReport, { color: plain, verbose: true });
    expect(verbose).toMatch(/^ok +example\.com\/demo 0\.01s \(cached\)$/m);
    expect(verbose).toMatch(/^\? +example\.com\/demo\/internal\/docs \[no test files\]$/m);
  });

  it('shows each finding with count, state, baseline tag, tests, site and creator', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(out).toContain(
      '  ×3 chan receive [new] (proven leaked by the GC: it can never run again)\n      tests:      TestPoolStart ×2, TestPoolWorkers ×1\n',
    );
    expect(out).toContain('      created at: pool/pool.go:31 by example.com/demo/pool.(*Pool).Start\n');
    expect(out).toContain(
      '  ×1 select, 2 minutes [new] (not proven by the GC: still running, or blocked on something still reachable)\n      test:       TestPoolWorkers/drain\n',
    );
    expect(out).toContain('      test:       package level\n');
    expect(out).toContain('  ×1 chan send [new] (blocked when -timeout stopped the test)\n');
    expect(out).toContain(
      '  ×2 IO wait [known] in poll.runtime_pollWait, test TestServerRoundTrip, created at /usr/local/go/src/net/http/transport.go:1944\n',
    );
  });

  it('locates a leak a library started at the user’s line, and names the library function as a detail', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(out).toContain(
      '      created at: pool/drain.go:18 in example.com/demo/pool.(*Pool).Drain\n' +
        '      started by: golang.org/x/sync/errgroup.(*Group).Go at /home/dev/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:78\n',
    );
  });

  it('says when no frame of the module is in the creation chain', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: true });
    expect(out).toContain(
      '      created at: /usr/local/go/src/net/http/transport.go:1944 by net/http.(*Transport).dialConn (outside the module: no frame of it in the creation chain)\n',
    );
  });

  it('names a few tests of a site by default, all of them when verbose', () => {
    const tests = Array.from({ length: 20 }, (_, i) => ({
      attribution: { kind: 'test' as const, test: `TestSite${String(i + 1).padStart(2, '0')}` },
      count: 1,
    }));
    const pool = sampleReport.packages.find((p) => p.importPath === 'example.com/demo/pool')!;
    const many: RunReport = {
      ...sampleReport,
      packages: [{ ...pool, leaks: [{ ...pool.leaks[0]!, count: 20, tests }] }],
    };
    expect(formatConsole(many, { color: plain, verbose: false })).toContain(
      '      tests:      TestSite01 ×1, TestSite02 ×1, TestSite03 ×1, TestSite04 ×1, TestSite05 ×1, … 15 more\n',
    );
    expect(formatConsole(many, { color: plain, verbose: true })).toContain('TestSite19 ×1, TestSite20 ×1\n');
  });

  it('shows a few frames by default and all of them when verbose', () => {
    const quiet = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(quiet).toContain('      … 1 more frame\n');
    expect(quiet).not.toContain('drain.go:18\n      example');
    const verbose = formatConsole(sampleReport, { color: plain, verbose: true });
    expect(verbose).not.toContain('more frame');
    expect(verbose).toContain(
      '      net/http.(*persistConn).readLoop\n          /usr/local/go/src/net/http/transport.go:2275\n',
    );
  });

  it('prints paths relative to the repository root when it is above the module', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: false, repoRoot: sampleRepoRoot });
    expect(out).toContain('created at: demo/pool/pool.go:31');
    expect(out).toContain('          demo/pool/pool.go:44\n');
  });

  it('prints failing test output without ANSI codes or control characters when colour is off', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(out).toContain(
      '  --- FAIL: TestParseHeader (0.00s)\n      parser_test.go:27: header mismatch: 100% wrong, got a, b\n',
    );
    expect(out).toContain('got:  "Content-Type: text/plain"');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(out).not.toContain('=== RUN');
    expect(out).toContain('  --- FAIL: TestQueueBlocks (30.00s, did not finish)\n');
  });

  it('keeps the test output as written and colours the status when colour is on', () => {
    const out = formatConsole(sampleReport, { color: coloured, verbose: false });
    expect(out).toContain('\u001b[31mContent-Type\u001b[0m');
    expect(out).toContain(coloured.bold(coloured.red('LEAK  ')));
  });

  it('prints build output, package failures and warnings', () => {
    const out = formatConsole(sampleReport, { color: plain, verbose: false });
    expect(out).toContain(
      'FAIL  example.com/demo/internal/buildbroken [build failed]\n  # example.com/demo/internal/buildbroken [example.com/demo/internal/buildbroken.test]\n  internal/buildbroken/broken.go:7:9: undefined: missingFunc\n',
    );
    expect(out).toContain('  panic: test timed out after 30s\n');
    expect(out).toContain('  warning: leak check did not run: the test binary was killed by -timeout\n');
    expect(out).toContain(
      '1 stale baseline entry (no longer leaking; remove from the baseline):\n  example.com/demo/cache TestCacheWarm:',
    );
  });

  it('prints only the summary for a clean run, and no baseline split without a baseline', () => {
    const clean: RunReport = {
      ...sampleReport,
      packages: [sampleReport.packages[0]!],
      stale: [],
      summary: {
        ...sampleReport.summary,
        packages: 1,
        passed: 1,
        leaked: 0,
        failed: 0,
        buildFailed: 0,
        noTests: 0,
        leakFindings: 0,
        leakedGoroutines: 0,
        newLeaks: 0,
        knownLeaks: 0,
        stale: 0,
        testsFailed: 0,
      },
      exitCode: 0,
    };
    expect(formatConsole(clean, { color: plain, verbose: false })).toBe(
      'goleak-run: PASS 1 package: 1 passed, 0 leaked, 0 failed, 0 build failed, 0 no tests; 3.21s\n',
    );
    const unbaselined: RunReport = {
      ...sampleReport,
      stale: [],
      packages: sampleReport.packages.map((p) => ({ ...p, leaks: p.leaks.map(({ baseline: _b, ...f }) => f) })),
    };
    const out = formatConsole(unbaselined, { color: plain, verbose: false });
    expect(out).not.toContain('[new]');
    expect(out).toContain('1 leaked (8 goroutines in 5 findings), 2 failed');
  });
});

describe('formatProgress', () => {
  it('counts done packages and leaks and names the running package', () => {
    expect(formatProgress({ done: 3, total: 12, leaks: 1, running: 'example.com/demo/pool' })).toBe(
      'goleak-run: 3/12 packages, 1 leak, running example.com/demo/pool',
    );
    expect(formatProgress({ done: 12, total: 12, leaks: 0 })).toBe('goleak-run: 12/12 packages, 0 leaks');
  });

  it('cuts the line to the terminal width so a redraw never wraps', () => {
    const line = formatProgress({
      done: 3,
      total: 12,
      leaks: 2,
      running: 'example.com/demo/a/very/long/package/path',
      width: 40,
    });
    expect([...line].length).toBe(39);
    expect(line.endsWith('…')).toBe(true);
  });
});

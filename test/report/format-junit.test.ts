import { beforeAll, describe, it, expect } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { formatJunit } from '../../src/report/format-junit.js';
import { junitClassname } from '../../src/report/junit-names.js';
import type { RunReport } from '../../src/model.js';
import { fetchJenkinsJunitXsd, withoutExtensions } from './junit-xsd.js';
import { sampleReport, sampleRepoRoot } from './sample-report.js';

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

interface Suite {
  open: string;
  body: string;
}

function suites(xml: string): Suite[] {
  return [...xml.matchAll(/(<testsuite\s[^>]*>)([\s\S]*?)<\/testsuite>/g)].map((m) => ({ open: m[1]!, body: m[2]! }));
}

function cases(body: string): string[] {
  return [...body.matchAll(/<testcase\b[^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g)].map((m) => m[0]);
}

describe('formatJunit', () => {
  const xml = formatJunit(sampleReport, {});
  let xsd = '';

  beforeAll(async () => {
    xsd = await fetchJenkinsJunitXsd();
  });

  it('matches the golden document', async () => {
    await expect(xml).toMatchFileSnapshot('__golden__/junit.xml');
    await expect(formatJunit(sampleReport, { repoRoot: sampleRepoRoot })).toMatchFileSnapshot(
      '__golden__/junit-repo-root.xml',
    );
  });

  it('validates against the Jenkins JUnit XSD apart from the documented extension attributes', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'junit.xml', contents: withoutExtensions(xml) }],
      schema: [xsd],
    });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is rejected by the same XSD when an element is out of place, so validation is real', async () => {
    const broken = withoutExtensions(xml).replace('<testsuite ', '<testcase name="x"/><testsuite ');
    const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: broken }], schema: [xsd] });
    expect(result.valid).toBe(false);
  });

  it('has one suite per package with a go.version property', () => {
    const all = suites(xml);
    expect(all.map((s) => attr(s.open, 'name'))).toEqual(sampleReport.packages.map((p) => p.importPath));
    for (const s of all) expect(s.body).toContain('<property name="go.version" value="go1.26.8"/>');
  });

  it('has counts in every testsuite and in testsuites that match the test cases', () => {
    let total = { tests: 0, failures: 0, skipped: 0 };
    for (const s of suites(xml)) {
      const cs = cases(s.body);
      const counts = {
        tests: cs.length,
        failures: cs.filter((c) => c.includes('<failure')).length,
        skipped: cs.filter((c) => c.includes('<skipped')).length,
      };
      expect(attr(s.open, 'tests')).toBe(String(counts.tests));
      expect(attr(s.open, 'failures')).toBe(String(counts.failures));
      expect(attr(s.open, 'skipped')).toBe(String(counts.skipped));
      expect(attr(s.open, 'errors')).toBe('0');
      total = {
        tests: total.tests + counts.tests,
        failures: total.failures + counts.failures,
        skipped: total.skipped + counts.skipped,
      };
    }
    const root = /<testsuites\s[^>]*>/.exec(xml)![0];
    expect(attr(root, 'tests')).toBe(String(total.tests));
    expect(attr(root, 'failures')).toBe(String(total.failures));
    expect(total).toEqual({ tests: 18, failures: 8, skipped: 2 });
  });

  it('turns each new leak into a failed case named after its tests, at its location', () => {
    const pool = suites(xml).find((s) => attr(s.open, 'name') === 'example.com/demo/pool')!;
    const leak = cases(pool.body).find((c) =>
      c.includes('name="leak: TestPoolStart +1 more ×3 chan receive in pool.(*Pool).worker"'),
    )!;
    expect(leak).toBeDefined();
    expect(attr(leak, 'classname')).toBe('demo.pool');
    expect(attr(leak, 'file')).toBe('pool/pool.go');
    expect(attr(leak, 'line')).toBe('31');
    expect(leak).toContain(
      '<failure message="3 goroutines leaked by TestPoolStart ×2, TestPoolWorkers ×1: chan receive in pool.(*Pool).worker, created at pool/pool.go:31" type="goroutine leak">',
    );
    expect(leak).toContain('tests: TestPoolStart ×2, TestPoolWorkers ×1\n');
    expect(leak).toContain('example.com/demo/pool.(*Pool).worker\n\tpool/pool.go:44');
    const names = cases(pool.body).map((c) => attr(c, 'name'));
    expect(names).toContain('leak: TestPoolWorkers/drain ×1 select in pool.recvOrDone');
    expect(names).toContain('leak: package level ×1 sleep in time.Sleep');
    const drain = cases(pool.body).find((c) => c.includes('name="leak: TestPoolWorkers/drain'))!;
    expect(attr(drain, 'file')).toBe('pool/drain.go');
    expect(drain).toContain(
      'created at: pool/drain.go:18 in example.com/demo/pool.(*Pool).Drain\nstarted by: golang.org/x/sync/errgroup.(*Group).Go at /home/dev/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go:78\n',
    );
  });

  it('makes file attributes relative to a repository root above the module', () => {
    const out = formatJunit(sampleReport, { repoRoot: sampleRepoRoot });
    expect(out).toMatch(/name="leak: TestPoolStart[^"]*"[^>]* file="demo\/pool\/pool\.go" line="31"/);
  });

  it('reports a known leak as skipped with the reason, located in user code when created outside it', () => {
    const server = suites(xml).find((s) => attr(s.open, 'name') === 'example.com/demo/server')!;
    const known = cases(server.body).find((c) => c.includes('leak: '))!;
    expect(known).toContain('<skipped/>');
    expect(known).not.toContain('<failure');
    expect(known).toContain('known leak, accepted by the baseline');
    // Every frame is in GOROOT, so there is no location in the repository.
    expect(attr(known, 'file')).toBeUndefined();
  });

  it('keeps package-level failures as failed cases: build failure, timeout, unfinished test', () => {
    const byName = (p: string) => suites(xml).find((s) => attr(s.open, 'name') === p)!;
    const build = cases(byName('example.com/demo/internal/buildbroken').body);
    expect(build).toHaveLength(1);
    expect(attr(build[0]!, 'name')).toBe('build failed');
    expect(build[0]).toContain('internal/buildbroken/broken.go:7:9: undefined: missingFunc');
    const queue = cases(byName('example.com/demo/queue').body).map((c) => attr(c, 'name'));
    expect(queue).toEqual([
      'TestQueueFast',
      'TestQueueBlocks',
      'package failure: panic: test timed out after 30s',
      'leak: TestQueueBlocks ×1 chan send in queue.(*Queue).Push',
    ]);
    expect(byName('example.com/demo/queue').body).toContain('TestQueueBlocks did not finish');
  });

  it('adds a failed case for a failed package that gives no reason', () => {
    const pkg = { ...sampleReport.packages[0]!, status: 'failed' as const };
    const out = formatJunit({ ...sampleReport, packages: [pkg] }, {});
    expect(out).toContain('name="package failed"');
    expect(out).toMatch(/<testsuite name="example.com\/demo"[^>]* failures="1"/);
  });

  it('strips ANSI codes and characters XML 1.0 forbids, and never ends CDATA early', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const parser = suites(xml).find((s) => attr(s.open, 'name') === 'example.com/demo/parser')!;
    expect(parser.body).toContain('got:  "Content-Type: text/plain"');
    expect(parser.body).toContain('raw bytes:  ]] > end ]] > twice');
    expect(parser.body).toContain('want: "Content-Type: text/html" <b>&amp;</b>');
    expect(parser.body).not.toContain('=== RUN');
    // The only `]]>` left close CDATA sections.
    for (const m of xml.matchAll(/]]>/g))
      expect(xml.lastIndexOf('<![CDATA[', m.index)).toBeGreaterThan(xml.lastIndexOf(']]>', m.index - 1));
  });

  it('reports a package without tests as an empty suite', () => {
    const docs = suites(xml).find((s) => attr(s.open, 'name') === 'example.com/demo/internal/docs')!;
    expect(attr(docs.open, 'tests')).toBe('0');
    expect(cases(docs.body)).toHaveLength(0);
  });
});

describe('junitClassname', () => {
  it('uses the module name and package directories so Jenkins splits at a directory', () => {
    expect(junitClassname('example.com/demo', 'example.com/demo')).toBe('demo');
    expect(junitClassname('example.com/demo/internal/pool', 'example.com/demo')).toBe('demo.internal.pool');
    expect(junitClassname('github.com/org/repo.go/v1.2/pkg', 'github.com/org/repo.go')).toBe('repo_go.v1_2.pkg');
    expect(junitClassname('example.com/demo/v2/pool', 'example.com/demo/v2')).toBe('demo.v2.pool');
    expect(junitClassname('other.org/x', 'example.com/demo')).toBe('demo.other_org.x');
  });
});

describe('formatJunit on an empty run', () => {
  it('writes an empty testsuites element', () => {
    const empty: RunReport = { ...sampleReport, packages: [], stale: [] };
    expect(formatJunit(empty, {})).toContain(
      '<testsuites name="goleak-run" tests="0" failures="0" errors="0" skipped="0"/>',
    );
  });
});

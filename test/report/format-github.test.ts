import { describe, it, expect } from 'vitest';
import { formatGithubAnnotations } from '../../src/report/format-github-annotations.js';
import { formatStepSummary, STEP_SUMMARY_MAX_BYTES } from '../../src/report/format-step-summary.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/workflow-command.js';
import type { Finding, RunReport } from '../../src/model.js';
import { sampleReport, sampleRepoRoot } from './sample-report.js';

// Undoes the workflow-command escaping the way the runner does.
function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

interface Command {
  command: string;
  props: Record<string, string>;
  message: string;
}

function parseCommand(line: string): Command {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = unescapeCommand(pair.slice(eq + 1));
  }
  return { command: m[1]!, props, message: unescapeCommand(m[3]!) };
}

function manyFindings(n: number): RunReport {
  const base = sampleReport.packages[5]!.leaks[0]!;
  const leaks: Finding[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    tests: [
      {
        attribution: { kind: 'test', test: `TestGenerated${i}`, subtest: 'with_a_realistically_long_subtest_name' },
        count: 3,
      },
    ],
    topFunction: `example.com/demo/internal/service/handlers.(*Handler${i}).serveStream.func1`,
    createdAt: {
      file: `internal/service/handlers/generated_${i}.go`,
      line: i + 1,
      func: 'example.com/demo/internal/service/handlers.New',
      inModule: true,
    },
    fingerprint: `fp${i}`,
  }));
  const pkg = { ...sampleReport.packages[5]!, leaks };
  return { ...sampleReport, packages: [pkg], summary: { ...sampleReport.summary, leakFindings: n, newLeaks: n } };
}

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in data and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    expect(workflowCommand('error', { file: 'a,b:c.go', line: 3, title: undefined }, 'x')).toBe(
      '::error file=a%2Cb%3Ac.go,line=3::x',
    );
    expect(workflowCommand('error', {}, 'plain')).toBe('::error::plain');
  });

  it('round-trips titles and messages containing %, :, , and newlines', () => {
    const title = 'leak: 50%, then: more';
    const message = 'line one: 100%\nline two, with comma\r\nend';
    const parsed = parseCommand(workflowCommand('error', { file: 'x.go', line: 1, title }, message));
    expect(parsed.props.title).toBe(title);
    expect(parsed.message).toBe(message);
    expect(workflowCommand('error', { title }, message).split('\n')).toHaveLength(1);
  });
});

describe('formatGithubAnnotations', () => {
  const out = formatGithubAnnotations(sampleReport, {});
  const commands = out
    .trimEnd()
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map(parseCommand);

  it('matches the golden output', async () => {
    await expect(out).toMatchFileSnapshot('__golden__/github-annotations.txt');
  });

  it('annotates each new leak at its creation site, and no known leak', () => {
    const leaks = commands.filter((c) => c.props.title!.startsWith('goroutine leak: '));
    expect(leaks.map((c) => [c.props.file, c.props.line, c.props.title])).toEqual([
      ['pool/pool.go', '31', 'goroutine leak: TestPoolStart +1 more ×3 chan receive in pool.(*Pool).worker'],
      ['pool/drain.go', '18', 'goroutine leak: TestPoolWorkers/drain ×1 select in pool.recvOrDone'],
      ['pool/metrics.go', '10', 'goroutine leak: package level ×1 sleep in time.Sleep'],
      ['queue/queue_test.go', '22', 'goroutine leak: TestQueueBlocks ×1 chan send in queue.(*Queue).Push'],
    ]);
    expect(out).not.toContain('TestServerRoundTrip');
    expect(leaks[0]!.message.split('\n')[0]).toBe(
      '3 goroutines leaked by TestPoolStart ×2, TestPoolWorkers ×1: chan receive in pool.(*Pool).worker, created at pool/pool.go:31 in package example.com/demo/pool',
    );
    expect(leaks[0]!.message).toContain('\n  example.com/demo/pool.(*Pool).worker  pool/pool.go:44');
    for (const c of commands) expect(c.command).toBe('error');
  });

  it('annotates build errors and failing tests where Go printed file:line', () => {
    const build = commands.filter((c) => c.props.title!.startsWith('build failed: '));
    expect(build.map((c) => [c.props.file, c.props.line, c.message])).toEqual([
      ['internal/buildbroken/broken.go', '7', 'undefined: missingFunc'],
      ['internal/buildbroken/broken_test.go', '12', 'declared and not used: x'],
    ]);
    const test = commands.find((c) => c.props.title === 'test failed: TestParseHeader in example.com/demo/parser')!;
    expect(test.props.file).toBe('parser/parser_test.go');
    expect(test.props.line).toBe('27');
    expect(test.message).toContain('header mismatch: 100% wrong, got a, b\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(test.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(commands).toHaveLength(7);
  });

  it('makes paths relative to a repository root above the module', () => {
    const first = parseCommand(formatGithubAnnotations(sampleReport, { repoRoot: sampleRepoRoot }).split('\n')[0]!);
    expect(first.props.file).toBe('demo/pool/pool.go');
  });

  it('keeps every command on one line even with hostile output', () => {
    for (const line of out.trimEnd().split('\n')) expect(line.startsWith('::error ')).toBe(true);
  });

  it("stops at GitHub's 10 errors per step and says how many more there were", () => {
    const lines = formatGithubAnnotations(manyFindings(25), {}).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    // Only the pool package is left, with 25 new leaks.
    expect(lines.at(-1)).toBe(
      'goleak-run: 15 more problems not annotated (GitHub shows 10 error annotations per step); the log and the step summary list all of them',
    );
    const three = formatGithubAnnotations(sampleReport, { maxAnnotations: 3 }).trimEnd().split('\n');
    expect(three).toHaveLength(4);
    expect(three.at(-1)).toMatch(/^goleak-run: 4 more problems not annotated/);
  });

  it('prints nothing for a clean run', () => {
    const clean: RunReport = { ...sampleReport, packages: [sampleReport.packages[0]!] };
    expect(formatGithubAnnotations(clean, {})).toBe('');
  });
});

describe('formatStepSummary', () => {
  const md = formatStepSummary(sampleReport, {});

  it('matches the golden Markdown', async () => {
    await expect(md).toMatchFileSnapshot('__golden__/step-summary.md');
  });

  it('has the summary line, a table of packages with leaks and a row per finding', () => {
    expect(md).toContain(
      '`goleak-run: FAIL 8 packages: 3 passed, 1 leaked (8 goroutines in 5 findings, 4 new, 1 known)',
    );
    expect(md).toContain('| `example.com/demo/pool` | leaked | 5 | 3 | 3 | 0 |');
    expect(md).toContain('| `example.com/demo/server` | passed | 2 | 1 | 0 | 1 |');
    expect(md).toContain(
      '| TestPoolStart ×2, TestPoolWorkers ×1 | 3 | chan receive | `pool.(*Pool).worker` | `pool/pool.go:31` | new |',
    );
    expect(md).toContain(
      '| TestPoolWorkers/drain | 1 | select, 2 minutes | `pool.recvOrDone` | `pool/drain.go:18` | new |',
    );
    expect(md).toContain('| package level | 1 | sleep | `time.Sleep` | `pool/metrics.go:10` | new |');
    expect(md).toContain('- `example.com/demo/internal/buildbroken` build failed');
    expect(md).toContain('- `example.com/demo/queue` failed: TestQueueBlocks');
    expect(md).toContain('### 1 stale baseline entry');
    expect(md).not.toContain('Truncated');
  });

  it('escapes table syntax in test names', () => {
    const report = manyFindings(1);
    report.packages[0]!.leaks[0]!.tests = [
      { attribution: { kind: 'test', test: 'TestA', subtest: 'x|y_*z*' }, count: 3 },
    ];
    expect(formatStepSummary(report, {})).toContain('| TestA/x\\|y\\_\\*z\\* | 3 |');
  });

  it('stays under the 1 MiB cap with 10,000 findings and says what it left out', () => {
    const big = formatStepSummary(manyFindings(10_000), {});
    const bytes = Buffer.byteLength(big, 'utf8');
    expect(bytes).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(bytes).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES - 2048);
    const rows = big.split('\n').filter((l) => l.startsWith('| TestGenerated')).length;
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBeLessThan(10_000);
    expect(big).toContain(
      `Truncated: ${10_000 - rows} more findings not shown, because GitHub caps a step summary at 1 MiB.`,
    );
    // Cut at a row boundary: every table line is complete.
    for (const line of big.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
  });

  it('honours a smaller byte budget', () => {
    const small = formatStepSummary(sampleReport, { maxBytes: 1200 });
    expect(Buffer.byteLength(small, 'utf8')).toBeLessThanOrEqual(1200);
    expect(small).toContain('Truncated:');
  });
});

import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { formatJson } from '../../src/report/format-json.js';
import { sampleReport } from './sample-report.js';
import type { RunReport } from '../../src/model.js';

interface DocumentedField {
  name: string;
  always: boolean;
}

// Reads the field tables of the "JSON report" section of src/report/README.md.
function documentedFields(): Map<string, DocumentedField[]> {
  const readme = readFileSync(new URL('../../src/report/README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## JSON report'));
  const tables = new Map<string, DocumentedField[]>();
  let current: DocumentedField[] | undefined;
  for (const line of section.split('\n')) {
    const heading = /^#### (?:`([^`]+)`|\(top level\))$/.exec(line);
    if (heading) {
      current = [];
      tables.set(heading[1] ?? '', current);
      continue;
    }
    const row = /^\| `([A-Za-z]+)` \| [^|]+ \| (yes|no) \|/.exec(line);
    if (row && current) current.push({ name: row[1]!, always: row[2] === 'yes' });
  }
  return tables;
}

// All objects found at a documented path such as `packages[].leaks[]`.
function objectsAt(doc: unknown, path: string): Record<string, unknown>[] {
  let nodes: unknown[] = [doc];
  for (const segment of path === '' ? [] : path.split('.')) {
    const key = segment.replace(/\[\]$/, '');
    nodes = nodes.flatMap((n) => {
      const value = (n as Record<string, unknown>)[key];
      if (segment.endsWith('[]')) return value as unknown[];
      return value === null || value === undefined ? [] : [value];
    });
  }
  return nodes as Record<string, unknown>[];
}

describe('formatJson', () => {
  const text = formatJson(sampleReport);
  const doc = JSON.parse(text) as Record<string, any>;

  it('matches the golden document', async () => {
    await expect(text).toMatchFileSnapshot('__golden__/report.json');
  });

  const shard = {
    index: 2,
    count: 3,
    packages: sampleReport.packages.map((p) => p.importPath),
    moduleDir: '.',
    strictBaseline: false,
    unchecked: [],
    tests: { 'example.com/demo': [{ name: 'TestA', status: 'fail' as const, elapsedSeconds: 0.1, output: ['boom'] }] },
  };
  const sharded = JSON.parse(formatJson({ ...sampleReport, shard })) as Record<string, any>;

  it('has exactly the fields documented in the README, at every level', () => {
    expect(sharded.shard).toEqual(shard);
    expect(doc.shard).toBeUndefined();
    const tables = documentedFields();
    expect([...tables.keys()].sort()).toEqual(
      [
        '',
        'packages[]',
        'packages[].leaks[]',
        'packages[].leaks[].createdAt',
        'packages[].leaks[].goStatement',
        'packages[].leaks[].tests[]',
        'packages[].leaks[].stack[]',
        'packages[].tests',
        'shard',
        'stale[]',
        'summary',
        'tool',
      ].sort(),
    );
    for (const [path, fields] of tables) {
      // Only the report of one part of a sharded run has a shard object.
      const objects = objectsAt(path === 'shard' ? sharded : doc, path);
      expect(objects.length, `objects at ${path || 'top level'}`).toBeGreaterThan(0);
      const names = new Set(fields.map((f) => f.name));
      for (const obj of objects) {
        for (const key of Object.keys(obj)) expect(names.has(key), `${path}.${key} is documented`).toBe(true);
        for (const f of fields.filter((x) => x.always)) expect(obj, `${path}.${f.name}`).toHaveProperty(f.name);
      }
    }
  });

  it('is versioned and carries the run metadata', () => {
    expect(doc.schemaVersion).toBe(2);
    expect(doc.tool).toEqual({ name: 'goleak-run', version: '0.1.0' });
    expect(doc.go).toBe('go1.26.8');
    expect(doc.module).toBe('example.com/demo');
    expect(doc.startedAt).toBe('2026-03-14T09:26:53.000Z');
    expect(doc.durationSeconds).toBe(3.214);
    expect(doc.summary).toEqual(sampleReport.summary);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('groups tests by outcome, counting a test that never finished as failed', () => {
    const byPath = (p: string) => doc.packages.find((x: { importPath: string }) => x.importPath === p);
    expect(byPath('example.com/demo/cache').tests).toEqual({
      passed: ['TestCacheGet'],
      failed: [],
      skipped: ['TestCacheEvict'],
    });
    expect(byPath('example.com/demo/queue').tests).toEqual({
      passed: ['TestQueueFast'],
      failed: ['TestQueueBlocks'],
      skipped: [],
    });
    expect(byPath('example.com/demo/internal/buildbroken').status).toBe('build-failed');
    expect(byPath('example.com/demo/internal/docs').status).toBe('no-tests');
  });

  it('describes each leak site with its tests, location, go statement, stack and baseline state', () => {
    const leaks = doc.packages.flatMap((p: { leaks: unknown[] }) => p.leaks);
    expect(leaks.map((l: { tests: unknown }) => l.tests)).toEqual([
      [
        { name: 'TestPoolStart', count: 2 },
        { name: 'TestPoolWorkers', count: 1 },
      ],
      [{ name: 'TestPoolWorkers/drain', count: 1 }],
      [{ name: 'package level', count: 1 }],
      [{ name: 'TestQueueBlocks', count: 1 }],
      [{ name: 'TestServerRoundTrip', count: 2 }],
    ]);
    expect(leaks[0]).toMatchObject({
      count: 3,
      state: 'chan receive',
      waitMinutes: null,
      topFunction: 'example.com/demo/pool.(*Pool).worker',
      createdBy: 'example.com/demo/pool.(*Pool).Start',
      createdAt: { file: 'pool/pool.go', line: 31, function: 'example.com/demo/pool.(*Pool).Start', inModule: true },
      goStatement: { file: 'pool/pool.go', line: 31 },
      source: 'end-of-run',
      provenByGc: true,
      fingerprint: '3f9a1c0e5b7d2a64',
      baseline: 'new',
    });
    expect(leaks[0].stack[0]).toEqual({
      function: 'example.com/demo/pool.(*Pool).worker',
      file: 'pool/pool.go',
      line: 44,
    });
    expect(leaks[1].waitMinutes).toBe(2);
    expect(leaks[1].createdAt).toEqual({
      file: 'pool/drain.go',
      line: 18,
      function: 'example.com/demo/pool.(*Pool).Drain',
      inModule: true,
    });
    expect(leaks[1].goStatement.file).toBe('/home/dev/go/pkg/mod/golang.org/x/sync@v0.8.0/errgroup/errgroup.go');
    expect(leaks[4].createdAt.inModule).toBe(false);
    expect(leaks[3].source).toBe('timeout');
    expect(leaks[4].baseline).toBe('known');
    expect(doc.stale).toEqual(sampleReport.stale);
  });

  it('leaves out goroutine ids, so reruns give the same bytes', () => {
    expect(text).not.toContain('goroutineIds');
    expect(text).not.toContain('"21"');
  });

  it('omits baseline on leaks when no baseline was used and uses null for unknown sites', () => {
    const report: RunReport = {
      ...sampleReport,
      stale: [],
      packages: sampleReport.packages.map((p) => ({
        ...p,
        leaks: p.leaks.map(({ baseline: _b, createdAt: _c, createdBy: _d, goStatement: _g, ...f }) => f),
      })),
    };
    const leaks = JSON.parse(formatJson(report)).packages.flatMap((p: { leaks: unknown[] }) => p.leaks);
    for (const leak of leaks) {
      expect(leak).not.toHaveProperty('baseline');
      expect(leak.createdAt).toBeNull();
      expect(leak.createdBy).toBeNull();
      expect(leak.goStatement).toBeNull();
    }
  });
});

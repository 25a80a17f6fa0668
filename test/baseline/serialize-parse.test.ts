import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildBaseline, parseBaseline, serializeBaseline } from '../../src/baseline/index.js';
import { FileFormatError } from '../../src/errors.js';
import { readRecordedSource } from '../classify/support/parse-dump.js';
import { fullScope, leaksReport } from './support.js';

const baseline = buildBaseline([leaksReport()], undefined, fullScope());
const text = serializeBaseline(baseline);
const FILE = 'goleak-baseline.yaml';

describe('serializeBaseline', () => {
  it('writes a header, version, one block per leak site and the end marker', () => {
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# goleak-run baseline/);
    expect(lines).toContain('version: 2');
    expect(text.endsWith('\n...\n')).toBe(true);
    expect(text.match(/^ {2}- fingerprint: [0-9a-f]{16}$/gm)).toHaveLength(15);
    expect(text.match(/\n\n {2}- fingerprint/g)).toHaveLength(14);
  });

  it('sorts by package, first test, fingerprint whatever the input order', () => {
    const reversed = serializeBaseline({ version: 2, leaks: [...baseline.leaks].reverse() });
    expect(reversed).toBe(text);
    const tests = baseline.leaks.map((e) => e.tests[0]?.name ?? '');
    expect(tests).toEqual([...tests].sort());
  });

  it('reads like the leak it describes, with every test that leaked at the site', () => {
    expect(text).toContain(
      [
        '    package: example.com/leaky/leaks',
        '    count: 1',
        '    tests:',
        '      TestSub/with_space: 1',
        '    state: chan receive',
        '    top: example.com/leaky/leaks.Block',
        '    createdBy: example.com/leaky/leaks.TestSub.func1',
        '    createdAt: leaks/leaks_test.go:20',
      ].join('\n'),
    );
    expect(text).toContain(
      ['    count: 4', '    tests:', '      ExampleServe: 1', '      TestExternal: 1', '      TestTable: 2'].join('\n'),
    );
    expect(text).toContain(['    tests:', '      package level: 1'].join('\n'));
  });

  it('round-trips through parseBaseline', () => {
    expect(parseBaseline(text, FILE)).toEqual(baseline);
    expect(serializeBaseline(parseBaseline(text, FILE))).toBe(text);
    const empty = serializeBaseline({ version: 2, leaks: [] });
    expect(parseBaseline(empty, FILE)).toEqual({ version: 2, leaks: [] });
  });

  it('changes only the informational createdAt lines when a line is inserted above the leaks', () => {
    const shiftedSource = (f: string) => {
      const t = readRecordedSource(f);
      return t === undefined ? undefined : `// An edit above the leaks moves every line down by one.\n${t}`;
    };
    const shifted = serializeBaseline(
      buildBaseline([leaksReport('leaks-shifted.txt', shiftedSource)], undefined, fullScope()),
    );
    const withoutCreatedAt = (t: string) =>
      t
        .split('\n')
        .filter((l) => !l.includes('createdAt: leaks/'))
        .join('\n');
    expect(withoutCreatedAt(shifted)).toBe(withoutCreatedAt(text));
    expect(shifted).not.toBe(text);
  });
});

function errorOf(t: string): string {
  try {
    parseBaseline(t, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError);
    return (e as Error).message;
  }
  throw new Error('expected parseBaseline to throw');
}

const ENTRY = `version: 2
leaks:
  - fingerprint: 0123456789abcdef
    package: example.com/m
    count: 1
    tests:
      TestX: 1
    state: chan receive
    top: example.com/m.f
`;
const ENTRY_V1 = `version: 1
leaks:
  - fingerprint: 0123456789abcdef
    package: example.com/m
    test: TestX
    count: 1
    state: chan receive
    top: example.com/m.f
`;

describe('parseBaseline errors name the file and line', () => {
  it.each([
    [
      'a syntax error',
      `${ENTRY}  - fingerprint: [\n...\n`,
      `${FILE}:11: expected valid YAML, found a syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ],
    [
      'a wrong type',
      `${ENTRY.replace('count: 1', 'count: many')}...\n`,
      `${FILE}:5: expected a number for leaks[0].count, found "many"`,
    ],
    [
      'a zero count',
      `${ENTRY.replace('count: 1', 'count: 0')}...\n`,
      `${FILE}:5: expected a count of 1 or more for leaks[0].count, found 0`,
    ],
    [
      'a zero test count',
      `${ENTRY.replace('TestX: 1', 'TestX: 0')}...\n`,
      `${FILE}:7: expected a count of 1 or more for leaks[0].tests.TestX, found 0`,
    ],
    [
      'no tests',
      `${ENTRY.replace('    tests:\n      TestX: 1\n', '    tests: {}\n')}...\n`,
      `${FILE}:6: expected at least one test for leaks[0].tests, found a mapping`,
    ],
    [
      'a bad fingerprint',
      `${ENTRY.replace('0123456789abcdef', 'XYZ')}...\n`,
      `${FILE}:3: expected 16 lowercase hex digits for leaks[0].fingerprint, found "XYZ"`,
    ],
    [
      'an unknown key',
      `${ENTRY}    owner: me\n...\n`,
      `${FILE}:10: expected only known keys in leaks[0], found unknown key "owner"`,
    ],
    [
      'a missing key',
      `${ENTRY.replace('    top: example.com/m.f\n', '')}...\n`,
      `${FILE}:3: expected a string for leaks[0].top, found nothing`,
    ],
    [
      'a file cut between entries',
      ENTRY,
      `${FILE}:9: expected the end marker "..." as the last line, found the end of the file: it looks cut off`,
    ],
    [
      'a file cut inside an entry',
      ENTRY.split('\n').slice(0, 5).join('\n'),
      `${FILE}:5: expected the end marker "..." as the last line, found the end of the file: it looks cut off`,
    ],
    [
      'a duplicate fingerprint',
      `${ENTRY}\n${ENTRY.split('\n').slice(2).join('\n')}...\n`,
      `${FILE}:11: expected each fingerprint once, found 0123456789abcdef again (first at line 3)`,
    ],
    ['an empty file', '', `${FILE}:1: expected a baseline starting with version: 2, found an empty file`],
    ['a wrong version', 'version: 3\nleaks: []\n...\n', `${FILE}:1: expected 2 for version, found 3`],
    [
      'a version-1 entry in a version-2 file',
      `${ENTRY_V1.replace('version: 1', 'version: 2')}...\n`,
      `${FILE}:3: expected a mapping for leaks[0].tests, found nothing`,
    ],
    [
      'a version-1 file with a version-2 entry',
      `${ENTRY.replace('version: 2', 'version: 1')}...\n`,
      `${FILE}:3: expected a string for leaks[0].test, found nothing`,
    ],
  ])('%s', (_name, t, message) => {
    expect(errorOf(t)).toBe(message);
  });
});

describe('version-1 files', () => {
  it('migrate each entry to a legacy entry of its one test', () => {
    expect(parseBaseline(`${ENTRY_V1}...\n`, FILE)).toEqual({
      version: 2,
      leaks: [
        {
          fingerprint: '0123456789abcdef',
          package: 'example.com/m',
          tests: [{ name: 'TestX', count: 1 }],
          count: 1,
          state: 'chan receive',
          top: 'example.com/m.f',
          legacy: true,
        },
      ],
    });
  });

  it('are written back as version 2, their legacy entries marked', () => {
    const v1 = readFileSync(new URL('data/fixture-v1.yaml', import.meta.url), 'utf8');
    const written = serializeBaseline(parseBaseline(v1, FILE));
    expect(written).toContain('version: 2\n');
    expect(written.match(/^ {4}legacy: true$/gm)).toHaveLength(3);
    expect(written).toContain(['    tests:', '      TestServe: 1'].join('\n'));
    expect(parseBaseline(written, FILE)).toEqual(parseBaseline(v1, FILE));
  });
});

import { describe, it, expect } from 'vitest';
import { buildBaseline, parseBaseline, serializeBaseline } from '../../src/baseline/index.js';
import { FileFormatError } from '../../src/errors.js';
import { readRecordedSource } from '../classify/support/parse-dump.js';
import { fullScope, leaksReport } from './support.js';

const baseline = buildBaseline([leaksReport()], undefined, fullScope());
const text = serializeBaseline(baseline);
const FILE = 'goleak-baseline.yaml';

describe('serializeBaseline', () => {
  it('writes a header, version, one block per finding and the end marker', () => {
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^# goleak-run baseline/);
    expect(lines).toContain('version: 1');
    expect(text.endsWith('\n...\n')).toBe(true);
    expect(text.match(/^ {2}- fingerprint: [0-9a-f]{16}$/gm)).toHaveLength(17);
    expect(text.match(/\n\n {2}- fingerprint/g)).toHaveLength(16);
  });

  it('sorts by package, test, fingerprint whatever the input order', () => {
    const reversed = serializeBaseline({ version: 1, leaks: [...baseline.leaks].reverse() });
    expect(reversed).toBe(text);
    const tests = baseline.leaks.map((e) => e.test);
    expect(tests).toEqual([...tests].sort());
  });

  it('reads like the leak it describes', () => {
    expect(text).toContain(
      [
        '    package: example.com/leaky/leaks',
        '    test: TestSub/with_space',
        '    count: 1',
        '    state: chan receive',
        '    top: example.com/leaky/leaks.Block',
        '    createdBy: example.com/leaky/leaks.TestSub.func1',
        '    createdAt: leaks/leaks_test.go:20',
      ].join('\n'),
    );
  });

  it('round-trips through parseBaseline', () => {
    expect(parseBaseline(text, FILE)).toEqual(baseline);
    expect(serializeBaseline(parseBaseline(text, FILE))).toBe(text);
    const empty = serializeBaseline({ version: 1, leaks: [] });
    expect(parseBaseline(empty, FILE)).toEqual({ version: 1, leaks: [] });
  });

  it('changes only the informational createdAt lines when a line is inserted above the leaks', () => {
    const shiftedSource = (f: string) => {
      const t = readRecordedSource(f);
      return t === undefined ? undefined : `// An edit above the leaks moves every line down by one.\n${t}`;
    };
    const shifted = serializeBaseline(buildBaseline([leaksReport('leaks-shifted.txt', shiftedSource)], undefined, fullScope()));
    const withoutCreatedAt = (t: string) => t.split('\n').filter((l) => !l.includes('createdAt: leaks/')).join('\n');
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

const ENTRY = `version: 1
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
    ['a syntax error', `${ENTRY}  - fingerprint: [\n...\n`, `${FILE}:10: expected valid YAML, found a syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    ['a wrong type', `${ENTRY.replace('count: 1', 'count: many')}...\n`, `${FILE}:6: expected a number for leaks[0].count, found "many"`],
    ['a zero count', `${ENTRY.replace('count: 1', 'count: 0')}...\n`, `${FILE}:6: expected a count of 1 or more for leaks[0].count, found 0`],
    ['a bad fingerprint', `${ENTRY.replace('0123456789abcdef', 'XYZ')}...\n`, `${FILE}:3: expected 16 lowercase hex digits for leaks[0].fingerprint, found "XYZ"`],
    ['an unknown key', `${ENTRY}    owner: me\n...\n`, `${FILE}:9: expected only known keys in leaks[0], found unknown key "owner"`],
    ['a missing key', `${ENTRY.replace('    top: example.com/m.f\n', '')}...\n`, `${FILE}:3: expected a string for leaks[0].top, found nothing`],
    ['a file cut between entries', ENTRY, `${FILE}:8: expected the end marker "..." as the last line, found the end of the file: it looks cut off`],
    ['a file cut inside an entry', ENTRY.split('\n').slice(0, 5).join('\n'), `${FILE}:5: expected the end marker "..." as the last line, found the end of the file: it looks cut off`],
    ['a duplicate fingerprint', `${ENTRY}\n${ENTRY.split('\n').slice(2).join('\n')}...\n`, `${FILE}:10: expected each fingerprint once, found 0123456789abcdef again (first at line 3)`],
    ['an empty file', '', `${FILE}:1: expected a baseline starting with version: 1, found an empty file`],
    ['a wrong version', 'version: 2\nleaks: []\n...\n', `${FILE}:1: expected 1 for version, found 2`],
  ])('%s', (_name, t, message) => {
    expect(errorOf(t)).toBe(message);
  });
});

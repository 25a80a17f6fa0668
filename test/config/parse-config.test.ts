import { describe, it, expect } from 'vitest';
import { FileFormatError } from '../../src/errors.js';
import { configDefaults, configToRules, parseConfig } from '../../src/config/index.js';

const FILE = '/m/.goleak-run.yaml';

function errorOf(text: string): string {
  try {
    parseConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError);
    return (e as Error).message;
  }
  throw new Error('expected parseConfig to throw');
}

const FULL = `version: 1
maxWait: 1m30s
baseline: leaks/baseline.yaml
reporters:
  junit: out/junit.xml
  githubAnnotations: true
ignore:
  - top: go.opencensus.io/stats/view.(*worker).start
    reason: started by an init we cannot stop
  - createdBy: example.com/m/internal/pool.*
    reason: the pool lives for the whole process
    packages: [./internal/..., example.com/other]
  - any: net/http.(*persistConn).readLoop
    reason: keep-alive connections of the shared client
`;

describe('parseConfig on a valid file', () => {
  const config = parseConfig(FULL, FILE);

  it('reads every field, with maxWait in milliseconds', () => {
    expect(config).toMatchObject({
      version: 1,
      maxWaitMs: 90_000,
      baseline: 'leaks/baseline.yaml',
      reporters: { junit: 'out/junit.xml', githubAnnotations: true },
    });
    expect(config.ignore.map((r) => [r.kind, r.line])).toEqual([
      ['top', 8],
      ['created-by', 10],
      ['any', 13],
    ]);
  });

  it('accepts whole milliseconds for maxWait and a minimal file', () => {
    expect(parseConfig('version: 1\nmaxWait: 250\n', FILE).maxWaitMs).toBe(250);
    expect(parseConfig('version: 1\n', FILE)).toEqual({ file: FILE, version: 1, reporters: {}, ignore: [] });
  });

  it('turns ignore entries into config rules, resolving ./ patterns against the module path', () => {
    const rules = configToRules(config, 'example.com/m');
    expect(rules[1]).toEqual({
      kind: 'created-by',
      func: 'example.com/m/internal/pool.*',
      reason: 'the pool lives for the whole process',
      origin: 'config',
      packages: ['example.com/m/internal/...', 'example.com/other'],
    });
    expect(rules.every((r) => r.origin === 'config')).toBe(true);
  });

  it('gives run defaults relative to the config directory', () => {
    expect(configDefaults(config, 'example.com/m')).toMatchObject({
      maxWaitMs: 90_000,
      reporters: { junit: 'out/junit.xml' },
      dir: '/m',
    });
  });
});

describe('parseConfig errors name the file, the line and what was expected', () => {
  it.each([
    [
      'a YAML syntax error',
      'version: 1\nignore:\n  - top: a\n   reason: [x\n',
      `${FILE}:4: expected valid YAML, found a syntax error: Sequence item without - indicator`,
    ],
    [
      'a file cut inside a quoted string',
      'version: 1\nignore:\n  - top: "a.B\n',
      `${FILE}:3: expected valid YAML, found a syntax error: Missing closing "quote`,
    ],
    [
      'a duplicate key',
      'version: 1\nversion: 1\n',
      `${FILE}:2: expected valid YAML, found a syntax error: Map keys must be unique`,
    ],
    [
      'a wrong type',
      'version: 1\nreporters:\n  githubAnnotations: yes please\n',
      `${FILE}:3: expected true or false for reporters.githubAnnotations, found "yes please"`,
    ],
    [
      'a list where a list belongs not',
      'version: 1\nbaseline: [a, b]\n',
      `${FILE}:2: expected a string for baseline, found a list`,
    ],
    [
      'a bad duration',
      'version: 1\nmaxWait: 5 seconds\n',
      `${FILE}:2: expected a Go duration like 500ms, 2s or 1m30s, or whole milliseconds for maxWait, found "5 seconds"`,
    ],
    [
      'a wait over the limit',
      'version: 1\nmaxWait: 3000000h\n',
      `${FILE}:2: expected at most 1h for maxWait, found "3000000h"`,
    ],
    [
      'a wait over the limit in milliseconds',
      'version: 1\nmaxWait: 3600001\n',
      `${FILE}:2: expected at most 1h for maxWait, found 3600001`,
    ],
    [
      'an alias (billion laughs)',
      'version: 1\nx: &a [1, 1]\ny: &b [*a, *a]\nz: [*b, *b]\n',
      `${FILE}:3: expected plain values, found a YAML alias (*name); write the value out`,
    ],
    [
      'an unknown key',
      'version: 1\nreporters:\n  junit: a.xml\n  jsonn: b.json\n',
      `${FILE}:4: expected only known keys in reporters, found unknown key "jsonn"`,
    ],
    [
      'an unknown top-level key',
      'version: 1\nmax_wait: 1s\n',
      `${FILE}:2: expected only known keys in the file, found unknown key "max_wait"`,
    ],
    [
      'a missing reason',
      'version: 1\nignore:\n  - top: a.B\n    reason: ok\n  - any: c.D\n',
      `${FILE}:5: expected a string for ignore[1].reason, found nothing`,
    ],
    [
      'a blank reason',
      'version: 1\nignore:\n  - top: a.B\n    reason: "  "\n',
      `${FILE}:4: expected a non-empty string for ignore[0].reason, found "  "`,
    ],
    [
      'two matchers in one entry',
      'version: 1\nignore:\n  - top: a.B\n    any: c\n    reason: r\n',
      `${FILE}:3: expected exactly one of top, any or createdBy in ignore[0], found top and any`,
    ],
    [
      'no matcher',
      'version: 1\nignore:\n  - reason: r\n',
      `${FILE}:3: expected exactly one of top, any or createdBy in ignore[0], found none`,
    ],
    ['a wrong version', 'version: 2\n', `${FILE}:1: expected 1 for version, found 2`],
    ['a missing version', 'maxWait: 1s\n', `${FILE}:1: expected 1 for version, found nothing`],
    ['an empty file', '', `${FILE}:1: expected a mapping starting with version: 1, found an empty file`],
    ['a list as the document', '- a\n', `${FILE}:1: expected a mapping for the file, found a list`],
  ])('%s', (_name, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('reports the earliest of several problems', () => {
    expect(errorOf('version: 1\nbogus: 1\nmaxWait: x\n')).toBe(
      `${FILE}:2: expected only known keys in the file, found unknown key "bogus"`,
    );
  });
});

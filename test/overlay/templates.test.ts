import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoleakRunError } from '../../src/errors.js';
import { loadTemplates } from '../../src/overlay/index.js';
import { mergeGoFiles } from '../../src/overlay/merge-go-files.js';
import { protocolValues } from '../../src/overlay/protocol-values.js';
import { goRuleLiterals, renderTemplate } from '../../src/overlay/render-template.js';

describe('loadTemplates', () => {
  it('reads the templates from templates/ at the package root: the check in four parts', async () => {
    const t = await loadTemplates();
    expect(t.check.map((p) => p.stem)).toEqual(['check', 'scan', 'record', 'sign']);
    expect(t.check[0]?.text).toContain('func goleakrunCheck()');
    expect(t.check[1]?.text).toContain('func goleakrunScan(');
    expect(t.check[2]?.text).toContain('func goleakrunWrite(');
    expect(t.testMain).toContain('func TestMain(m *goleakruntesting.M)');
    expect(t.wrapTestMain).toContain('{{USER_TESTMAIN}}(m)');
  });

  it('compiles the merged check file once: filling it equals rendering every part, then merging', async () => {
    const t = await loadTemplates();
    const values = {
      ...protocolValues('example.com/m/p', 'ab'.repeat(32)),
      PACKAGE: 'p_test',
      MAX_WAIT_MS: '1500',
      RULES: '\t{kind: "any", fn: "{{KEY}}", prefix: false},',
      USER_TESTMAIN: 'goleakrunUserTestMain',
    };
    const firsts = { alone: [], testMain: [t.testMain], wrapTestMain: [t.wrapTestMain] };
    for (const [variant, first] of Object.entries(firsts)) {
      const expected = mergeGoFiles([...first, ...t.check.map((p) => p.text)].map((x) => renderTemplate(x, values)));
      expect(t.checkFile[variant as keyof typeof firsts](values)).toBe(expected);
    }
    // A value is inserted as it is: placeholder-like text inside it stays.
    expect(t.checkFile.alone(values)).toContain('fn: "{{KEY}}"');
  });

  it('fails with a typed error naming the missing file', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'goleak-run-tmpl-'));
    try {
      const err = await loadTemplates(pathToFileURL(`${empty}/`)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GoleakRunError);
      expect((err as Error).message).toMatch(
        /cannot read template (check|scan|record|sign|testmain|wrap-testmain)\.go\.tmpl/,
      );
      expect((err as Error).cause).toBeDefined();
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});

describe('renderTemplate', () => {
  it('drops //# lines and fills placeholders', () => {
    expect(renderTemplate('//# doc {{X}}\npackage {{PACKAGE}}\n//#\nvar x = {{X}}\n', { PACKAGE: 'p', X: '1' })).toBe(
      'package p\nvar x = 1\n',
    );
  });

  it('throws on a placeholder without a value', () => {
    expect(() => renderTemplate('package {{PACKAGE}}', {})).toThrow(GoleakRunError);
  });

  it('quotes rule functions as Go string literals', () => {
    const literal = goRuleLiterals([{ kind: 'any', func: 'a."b\\c', reason: '', origin: 'cli' }]);
    expect(literal).toBe('\t{kind: "any", fn: "a.\\"b\\\\c", prefix: false},');
  });
});

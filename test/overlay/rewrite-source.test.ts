import { describe, expect, it } from 'vitest';
import { codeTokens, findTestMain, osImport, packageClause } from '../../src/overlay/go-source.js';
import { tokenizeGo } from '../../src/go-source/go-tokenizer.js';
import { renameTestMain, wrapExitCalls } from '../../src/overlay/rewrite-source.js';

const code = (src: string) => codeTokens(tokenizeGo(src).tokens);
const wrap = (src: string) => wrapExitCalls(src, tokenizeGo(src).tokens);
const rename = (src: string) => renameTestMain(src, tokenizeGo(src).tokens);
const lines = (s: string) => s.split('\n').length;

describe('go-source', () => {
  it('reads the package clause after leading comments and build tags', () => {
    expect(packageClause(code('//go:build linux\n\n// Package x does things.\npackage x_test\n'))).toBe('x_test');
    expect(packageClause(code('// no clause'))).toBeUndefined();
  });

  it('finds plain, aliased, dot and blank imports of os, grouped or not', () => {
    expect(osImport(code('package p\nimport "os"\n'))).toEqual({ names: ['os'], dot: false });
    expect(osImport(code('package p\nimport sys "os"\nimport "fmt"\n'))).toEqual({ names: ['sys'], dot: false });
    expect(osImport(code('package p\nimport (\n\t"fmt"; . "os"\n\t_ "os"\n\tosx "os/exec"\n)\n'))).toEqual({
      names: [],
      dot: true,
    });
    expect(osImport(code('package p\nimport (\n\t"fmt"\n\tsys "os"\n\t"os"\n)\n')).names).toEqual(['sys', 'os']);
  });

  it('finds only a top-level func TestMain', () => {
    expect(findTestMain(code('package p\nfunc (s S) TestMain(m *testing.M) {}\n'))).toBe(-1);
    expect(findTestMain(code('package p\nvar f = func() { TestMain(nil) }\n'))).toBe(-1);
    expect(findTestMain(code('package p\nconst s = "func TestMain("\n// func TestMain(\n'))).toBe(-1);
    const c = code('package p\nfunc helper() { _ = "}" }\nfunc TestMain(m *testing.M) {}\n');
    expect(c[findTestMain(c)]).toMatchObject({ text: 'TestMain', line: 3 });
  });
});

describe('renameTestMain', () => {
  it('renames the declaration and nothing in strings or comments', () => {
    const src = [
      '//go:build !windows',
      'package p',
      '// func TestMain(m *testing.M) { os.Exit(1) }',
      'const s = "func TestMain("',
      'func TestMain(m *testing.M) { os.Exit(m.Run()) }',
    ].join('\n');
    const out = rename(src);
    expect(out.changes).toBe(1);
    expect(out.content.split('\n')).toEqual([
      '//go:build !windows',
      'package p',
      '// func TestMain(m *testing.M) { os.Exit(1) }',
      'const s = "func TestMain("',
      'func goleakrunUserTestMain(m *testing.M) { os.Exit(m.Run()) }',
    ]);
  });

  it('leaves a file without TestMain unchanged', () => {
    expect(rename('package p\nfunc TestX(t *testing.T) {}\n')).toEqual({
      content: 'package p\nfunc TestX(t *testing.T) {}\n',
      changes: 0,
    });
  });
});

describe('wrapExitCalls', () => {
  it('wraps os.Exit calls and function values, keeping every line in place', () => {
    const src =
      'package p\n\nimport "os"\n\nfunc TestMain(m *testing.M) {\n\tcode := m.Run()\n\texit := os.Exit\n\tos.Exit(code)\n\t_ = exit\n}\n';
    const out = wrap(src);
    expect(out.changes).toBe(2);
    expect(out.content).toContain('\texit := goleakrunExit(os.Exit)\n\tgoleakrunExit(os.Exit)(code)\n');
    expect(lines(out.content)).toBe(lines(src));
  });

  it('uses the alias of `import sys "os"` and ignores other packages named Exit', () => {
    const src =
      'package p\nimport (\n\tsys "os"\n\t"other/os2"\n)\nfunc f() { os2.Exit(1); cfg.sys.Exit(2); sys.Exit(3) }\n';
    expect(wrap(src).content).toContain('{ os2.Exit(1); cfg.sys.Exit(2); goleakrunExit(sys.Exit)(3) }');
  });

  it('does not touch os.Exit in strings, raw strings or comments', () => {
    const src =
      'package p\nimport "os"\nconst a = "os.Exit(1)"\nvar b = `\nos.Exit(2)\n`\n// os.Exit(3)\n/* os.Exit(4) */\nfunc f() { os.Exit(5) }\n';
    const out = wrap(src);
    expect(out.changes).toBe(1);
    expect(out.content).toBe(src.replace('{ os.Exit(5) }', '{ goleakrunExit(os.Exit)(5) }'));
  });

  it('wraps a selector split over lines without adding a line', () => {
    const src = 'package p\nimport "os"\nfunc f() {\n\tos.\n\t\tExit(1)\n}\n';
    const out = wrap(src);
    expect(out.content).toBe('package p\nimport "os"\nfunc f() {\n\tgoleakrunExit(os.\n\t\tExit)(1)\n}\n');
  });

  it('wraps bare Exit calls under a dot import, but not methods or interface methods', () => {
    const src = [
      'package p',
      'import . "os"',
      'type E interface { Exit(code int) }',
      'type T struct{}',
      'func (T) Exit(code int) {}',
      'func f(t T) {',
      '\tt.Exit(1)',
      '\tprintln()',
      '\tExit(2)',
      '}',
    ].join('\n');
    const out = wrap(src);
    expect(out.changes).toBe(1);
    expect(out.content.split('\n')).toEqual(src.replace('\tExit(2)', '\tgoleakrunExit(Exit)(2)').split('\n'));
  });

  it('changes nothing in a file that does not import os', () => {
    const src = 'package p\nfunc f() { os.Exit(1) }\n';
    expect(wrap(src)).toEqual({ content: src, changes: 0 });
  });
});

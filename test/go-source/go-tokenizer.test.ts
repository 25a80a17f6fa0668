import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeGo } from '../../src/go-source/go-tokenizer.js';
import { runs } from '../fuzz/support.js';

const kinds = (src: string): string[] => tokenizeGo(src).tokens.map((t) => `${t.kind}:${t.text}`);

describe('tokenizeGo', () => {
  it('splits identifiers, punctuation and literals', () => {
    expect(kinds('os.Exit(m.Run())')).toEqual([
      'ident:os',
      'punct:.',
      'ident:Exit',
      'punct:(',
      'ident:m',
      'punct:.',
      'ident:Run',
      'punct:(',
      'punct:)',
      'punct:)',
    ]);
  });

  it('keeps braces and code inside strings, raw strings and runes as one token', () => {
    const src = 'x := "func TestMain() { os.Exit(1) }" + `a\n{` + string(\'{\') + "\\"}"';
    const literals = tokenizeGo(src).tokens.filter((t) => t.kind !== 'ident' && t.kind !== 'punct');
    expect(literals.map((t) => t.text)).toEqual(['"func TestMain() { os.Exit(1) }"', '`a\n{`', "'{'", '"\\"}"']);
    expect(tokenizeGo(src).tokens.filter((t) => t.text === '{')).toHaveLength(0);
  });

  it('reads line and block comments, including a block that spans lines', () => {
    const { tokens } = tokenizeGo('a // os.Exit(1) {\n/* }\nfunc TestMain( */ b');
    expect(tokens.map((t) => [t.kind, t.line])).toEqual([
      ['ident', 1],
      ['comment', 1],
      ['comment', 2],
      ['ident', 3],
    ]);
  });

  it('counts lines across raw strings so later tokens keep their line', () => {
    const { tokens } = tokenizeGo('a := `x\ny\nz`\nb');
    expect(tokens.at(-1)).toMatchObject({ text: 'b', line: 4 });
  });

  it('records spans that slice back to the token text', () => {
    const src = 'package p\n\nvar s = "é{"; var ü = 1';
    for (const t of tokenizeGo(src).tokens) expect(src.slice(t.start, t.end)).toBe(t.text);
    expect(kinds(src)).toContain('ident:ü');
  });

  it('keeps numbers whole, exponents included', () => {
    expect(kinds('1.5e-3 0x1p+2 .5 0x1e+2')).toEqual([
      'number:1.5e-3',
      'number:0x1p+2',
      'number:.5',
      'number:0x1e',
      'punct:+',
      'number:2',
    ]);
  });

  it('warns about unterminated literals and comments and goes on', () => {
    const result = tokenizeGo('a := "open\nb := \'x\nc /* never closed');
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'unterminated string literal'],
      [2, 'unterminated rune literal'],
      [3, 'unterminated /* comment'],
    ]);
    expect(result.tokens.map((t) => t.text)).toContain('b');
    expect(result.tokens.map((t) => t.text)).toContain('c');
  });

  it('treats a backslash before a newline as not escaping it', () => {
    const { tokens, warnings } = tokenizeGo('s := "a\\\nnext');
    expect(warnings).toHaveLength(1);
    expect(tokens.at(-1)).toMatchObject({ text: 'next', line: 2 });
  });
});

describe('tokenizeGo on arbitrary text', () => {
  // The identifier rule of the Go spec, as a pattern: the tokenizer's ASCII fast path must agree with it.
  const identifier = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
  const identifierPart = /[\p{L}\p{Nd}_]/u;
  const text = fc.stringMatching(/^[a-zA-Z0-9_ .(){}"'`\n/*+\-éß日本Ω١٢_\t]*$/);

  it('cuts identifiers exactly where the Unicode rule ends them, and everything else into its own kinds', () => {
    fc.assert(
      fc.property(text, (src) => {
        const { tokens } = tokenizeGo(src);
        for (const t of tokens) {
          expect(src.slice(t.start, t.end)).toBe(t.text);
          if (t.kind === 'ident') {
            expect(t.text).toMatch(identifier);
            expect(identifierPart.test(src[t.end] ?? '')).toBe(false);
          }
          if (t.kind === 'punct') {
            expect(t.text).toHaveLength(1);
            expect(/[\p{L}_0-9]/u.test(t.text)).toBe(false);
          }
        }
        // Nothing but blanks between tokens.
        let at = 0;
        for (const t of tokens) {
          expect(src.slice(at, t.start).trim()).toBe('');
          at = t.end;
        }
        expect(src.slice(at).trim()).toBe('');
      }),
      runs(500),
    );
  });
});

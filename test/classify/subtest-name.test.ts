import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rewriteSubtestName } from '../../src/classify/subtest-name.js';
import { unquoteGoString } from '../../src/go-source/go-string.js';
import { literalRunCall, namedRunCalls } from '../../src/classify/subtest-source.js';
import { parseGoFile } from '../../src/go-source/go-functions.js';
import { DATA_DIR } from './support/parse-dump.js';

// Recorded by regenerate.sh: the Go-quoted t.Run literal and the name testing printed for it.
const recorded = readFileSync(path.join(DATA_DIR, 'subtest-names.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);

describe('rewriteSubtestName against names recorded from go test', () => {
  it('has the recorded cases', () => expect(recorded.length).toBe(11));
  it.each(recorded)('%s → %s', (quoted, name) => {
    const literal = unquoteGoString(quoted);
    expect(literal).toBeDefined();
    expect(rewriteSubtestName(literal ?? '')).toBe(name);
  });
});

describe('unquoteGoString', () => {
  it('reads raw strings and rejects anything that is not one literal', () => {
    expect(unquoteGoString('`a b`')).toBe('a b');
    expect(unquoteGoString('tc.name')).toBeUndefined();
    expect(unquoteGoString('"a" + "b"')).toBeUndefined();
    expect(unquoteGoString('"\\101"')).toBe('A');
  });
});

const SOURCE = `package p

func TestX(t *testing.T) {
	t.Run("one", func(t *testing.T) {
		go f()
	})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			go f()
		})
	}
	t.Run("a", func(t *testing.T) { go f() }); t.Run("b", func(t *testing.T) { go f() })
	t.Run("named", helper)
	var cb func(t *testing.T)
	if cb == nil {
		t.Run(
			"split",
			func(t *testing.T) {
				go f() // a } in a comment and "}" in a string
			},
		)
	}
	t.Run("outer", func(u *testing.T) {
		t.Run("sibling", func(t *testing.T) {})
		u.Run("child", helper)
	})
	other.Run("x", helper)
}
`;

describe('reading t.Run calls from source', () => {
  const file = parseGoFile(SOURCE);
  const test = file.declarations.find((d) => d.name === 'TestX')!;
  const [one, loop, a, b, split, outer] = test.literals;

  it('finds the literal name and whether the call is on the parent’s own t', () => {
    expect(test.literals).toHaveLength(6);
    expect(literalRunCall(file, test, one!)).toEqual({ onParent: true, name: 'one' });
    expect(literalRunCall(file, test, a!)).toEqual({ onParent: true, name: 'a' });
    expect(literalRunCall(file, test, b!)).toEqual({ onParent: true, name: 'b' });
    expect(literalRunCall(file, test, split!)).toEqual({ onParent: true, name: 'split' });
  });

  it('gives no name for a computed one', () => {
    expect(literalRunCall(file, test, loop!)).toEqual({ onParent: true });
  });

  it('tells a call on a captured outer t from one on the parent’s own', () => {
    const [sibling] = outer!.literals;
    expect(outer!.firstParam).toBe('u');
    expect(literalRunCall(file, outer!, sibling!)).toEqual({ onParent: false, name: 'sibling' });
    expect(namedRunCalls(file, outer!, 'helper')).toEqual([{ onParent: true, name: 'child' }]);
  });

  it('finds the calls that run a named function, in the parent’s own body only', () => {
    expect(namedRunCalls(file, test, 'helper')).toEqual([
      { onParent: true, name: 'named' },
      { onParent: false, name: 'x' },
    ]);
    expect(namedRunCalls(file, test, 'other')).toEqual([]);
  });

  it('is no t.Run call for a literal passed elsewhere', () => {
    const other = parseGoFile('package p\nfunc F(t *testing.T) { g(func() {}) }\n');
    const f = other.declarations[0]!;
    expect(literalRunCall(other, f, f.literals[0]!)).toBeUndefined();
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rewriteSubtestName, unquoteGoString } from '../../src/classify/subtest-name.js';
import { literalSubtestName, namedSubtestName } from '../../src/classify/subtest-source.js';
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
}
`;

describe('reading t.Run names from source', () => {
  it('finds the literal of the innermost function literal holding the line', () => {
    expect(literalSubtestName(SOURCE, 5)).toBe('one');
    expect(literalSubtestName(SOURCE, 6)).toBe('one');
    expect(literalSubtestName(SOURCE, 19)).toBe('split');
  });

  it('gives nothing for a non-literal name, even inside a named outer test', () => {
    expect(literalSubtestName(SOURCE, 9)).toBeUndefined();
  });

  it('gives nothing when two literals share the line', () => {
    expect(literalSubtestName(SOURCE, 12)).toBeUndefined();
  });

  it('gives nothing outside any function literal', () => {
    expect(literalSubtestName(SOURCE, 3)).toBeUndefined();
  });

  it('finds the name a named function is run under when the file has one', () => {
    expect(namedSubtestName(SOURCE, 'helper')).toBe('named');
    expect(namedSubtestName(SOURCE, 'other')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { callAround } from '../../src/go-source/go-calls.js';
import { findDeclaration, functionLines, literalAt, parseGoFile } from '../../src/go-source/go-functions.js';

// Closure names checked against go1.21.13, go1.26.8 and go1.27.4 (runtime.FuncForPC inside each
// literal): the n-th literal of F is F.funcn, the m-th literal inside closure C is C.m.
const SOURCE = `package p

type S struct{}
type G[T any] struct{}

func (s *S) Ptr(t *testing.T) { go func() {}() }
func (S) Value() {}
func (g *G[T]) Generic() { _ = func() {} }
func Gen[T any](t *testing.T) { _ = func() {} }

func TestA(t *testing.T) {
	defer func() {}()
	f := func() {}
	f()
	t.Run("one", func(t *testing.T) {
		t.Run("inner1", func(t *testing.T) {})
		func() {}()
		t.Run("inner2", func(t *testing.T) {
			t.Run("deep", func(t *testing.T) {})
		})
	})
	table := map[string]func(t *testing.T){"x": func(t *testing.T) {}}
	list := []func(){func() {}}
	var typed func(int) = func(int) {}
	get := func() interface{} { return func() {} }
	t.Run("two", func(t *testing.T) {})
}

func asm(x int)
`;

describe('parseGoFile', () => {
  const file = parseGoFile(SOURCE);
  const names = file.declarations.map((d) => d.name);

  it('names declarations as tracebacks do', () => {
    expect(names).toEqual(['(*S).Ptr', 'S.Value', '(*G).Generic', 'Gen', 'TestA']);
    expect(findDeclaration(file, '(*S).Ptr')?.firstParam).toBe('t');
    expect(findDeclaration(file, 'S.Value')?.firstParam).toBeUndefined();
  });

  it('numbers literals in source order, nested ones inside their closure', () => {
    const test = findDeclaration(file, 'TestA')!;
    const line = (path: number[]) => file.tokens[literalAt(test, path)!.funcIndex]?.line;
    // func1 defer, func2 f, func3 "one", then the map and slice elements, the typed var, get, "two".
    expect(test.literals).toHaveLength(8);
    expect(line([3])).toBe(15);
    expect(line([3, 1])).toBe(16);
    expect(line([3, 2])).toBe(17);
    expect(line([3, 3])).toBe(18);
    expect(line([3, 3, 1])).toBe(19);
    expect(line([8])).toBe(26);
    expect(literalAt(test, [3, 4])).toBeUndefined();
  });

  it('takes function types for types, not for literals', () => {
    const test = findDeclaration(file, 'TestA')!;
    // The map's and the slice's element types, and `var typed func(int)`, have no body.
    expect([4, 5, 6].map((n) => file.tokens[literalAt(test, [n])!.funcIndex]?.line)).toEqual([22, 23, 24]);
    // `func() interface{} { … }`: the body is the second brace, and it holds a literal.
    expect(literalAt(test, [7])?.literals).toHaveLength(1);
  });

  it('knows each function’s lines and first parameter', () => {
    const test = findDeclaration(file, 'TestA')!;
    expect(functionLines(file, test)).toEqual({ first: 11, last: 27 });
    expect(literalAt(test, [3])?.firstParam).toBe('t');
    expect(literalAt(test, [1])?.firstParam).toBeUndefined();
  });

  it('never throws on broken source', () => {
    for (const cut of [10, 100, 200, SOURCE.length - 3]) expect(() => parseGoFile(SOURCE.slice(0, cut))).not.toThrow();
    expect(parseGoFile('func (').declarations).toEqual([]);
  });
});

describe('callAround', () => {
  it('finds the call whose parentheses hold a token, and its arguments', () => {
    const { tokens } = parseGoFile('package p\nfunc F() { t.Run("a", g(x, y), func() {}, ) }\n');
    const g = tokens.findIndex((t) => t.text === 'g');
    const call = callAround(tokens, g);
    expect(
      call?.args.map((a) =>
        tokens
          .slice(a.start, a.end + 1)
          .map((t) => t.text)
          .join(''),
      ),
    ).toEqual(['"a"', 'g(x,y)', 'func(){}']);
    expect(tokens[(call?.open ?? 0) - 1]?.text).toBe('Run');
  });
});

// Splitting Go function names as tracebacks print them: `example.com/m/a.(*T).run.func1`.

/** A qualified Go function name cut into its package path and the name inside the package. */
export interface FuncName {
  /** Import path as the symbol prefix shows it: `example.com/m/a`, `a_test`-suffixed for external tests, `main`. */
  pkg: string;
  /** Everything after the package: `TestX`, `TestX.func1`, `(*T).Run`. */
  name: string;
}

/** Splits at the first dot after the last slash; dots inside the import path's last element are rare and not supported. */
export function splitFuncName(func: string): FuncName {
  const slash = func.lastIndexOf('/');
  const dot = func.indexOf('.', slash + 1);
  if (dot < 0) return { pkg: '', name: func };
  return { pkg: func.slice(0, dot), name: func.slice(dot + 1) };
}

/** `TestSub.func2.1` → `TestSub`: the declared function a closure belongs to. */
export function declaredName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** True for functions of the `testing` package itself (not `testing/...` sub-packages). */
export function isTestingFunc(func: string): boolean {
  return func.startsWith('testing.');
}

/** Package initialisers: `p.init`, `p.init.0`, and closures inside them. */
export function isInitFunc(func: string): boolean {
  return /^init(\.\d+)?(\.func\d+(\.\d+)*)?$/.test(splitFuncName(func).name);
}

/** Symbol prefixes a package's test binary gives its test functions. */
export function testPackagePrefixes(importPath: string): string[] {
  return [importPath, `${importPath}_test`, 'main', 'main_test'];
}

/** A traceback function name cut into the declaration it belongs to and the literal path inside it. */
export interface ClosureName {
  pkg: string;
  /** `TestX`, `(*T).M` or `T.M`, type arguments dropped: the name go-source gives the declaration. */
  declaration: string;
  /** 1-based positions of nested literals: `TestX.func1.2` → `[1, 2]`; empty for the declaration. */
  path: number[];
}

/**
 * Reads `pkg.F`, `pkg.F.func1.2`, `pkg.(*T).M.func3`, `pkg.T.M` and `pkg.F[...].func1`.
 * Undefined for every other shape, such as the names Go gives closures of inlined calls
 * (`F.g.func7`, `F.F.func5.func9`), range-over-func bodies (`F-range1.1`) and `go`/`defer`
 * wrappers, whose literal cannot be found by counting.
 */
export function parseClosureName(func: string): ClosureName | undefined {
  const { pkg, name } = splitFuncName(func.replace(/-fm$/, '').replace(/\[\.\.\.\]/g, ''));
  const receiver = /^\(\*[\p{L}_][\p{L}\p{Nd}_]*\)\./u.exec(name)?.[0] ?? '';
  const segments = name.slice(receiver.length).split('.');
  const isClosure = (s: string | undefined): boolean => s !== undefined && /^(func)?\d+$/.test(s);
  const declLength = receiver === '' && segments[1] !== undefined && !isClosure(segments[1]) ? 2 : 1;
  const declaration = receiver + segments.slice(0, declLength).join('.');
  const rest = segments.slice(declLength);
  if (!/^[\p{L}_][\p{L}\p{Nd}_.()*]*$/u.test(declaration)) return undefined;
  if (rest.length > 0 && !/^func\d+$/.test(rest[0] ?? '')) return undefined;
  if (rest.slice(1).some((s) => !/^\d+$/.test(s))) return undefined;
  return { pkg, declaration, path: rest.map((s) => Number(s.replace('func', ''))) };
}

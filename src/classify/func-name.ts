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

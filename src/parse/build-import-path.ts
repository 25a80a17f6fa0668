// build-output / build-fail events name what failed to compile by ImportPath,
// which is a package path optionally followed by the test binary it was built
// for: `example.com/m/a [example.com/m/a.test]`, `example.com/m/a_test [example.com/m/a.test]`.

/** The package under test that a build ImportPath belongs to. */
export function packageOfImportPath(importPath: string): string {
  const open = importPath.indexOf(' [');
  if (open < 0 || !importPath.endsWith(']')) return importPath;
  const binary = importPath.slice(open + 2, -1);
  return binary.endsWith('.test') ? binary.slice(0, -'.test'.length) : importPath.slice(0, open);
}

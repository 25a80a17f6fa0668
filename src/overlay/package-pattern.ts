// Go package patterns as the go command reads them: `...` matches any string, and a
// trailing `/...` also matches the bare prefix (`net/...` matches `net`).

/** True when the import path matches the pattern. */
export function matchPackagePattern(pattern: string, importPath: string): boolean {
  const re = pattern
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\u0000')
    .replace(/\/\u0000$/, '(/.*)?')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${re}$`).test(importPath);
}

/** True when the rule applies to the package: no `packages` means everywhere. */
export function ruleAppliesTo(packages: string[] | undefined, importPath: string): boolean {
  return !packages || packages.some((p) => matchPackagePattern(p, importPath));
}

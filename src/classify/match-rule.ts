// Ignore rule matching and Go package pattern semantics.
import { escapeRegExp } from '../escape-regexp.js';
import type { Goroutine, IgnoreRule } from '../model.js';
import { topFunction } from './top-function.js';

/** Exact match, or a prefix match when the pattern ends with `*`. */
export function matchesFunc(pattern: string, func: string): boolean {
  return pattern.endsWith('*') ? func.startsWith(pattern.slice(0, -1)) : func === pattern;
}

/**
 * `top` sees the first printed frame and the first non-runtime frame (dumps printed under
 * GOTRACEBACK=system start with runtime.gopark); `any` sees every own frame, never ancestors,
 * which every test goroutine shares; `created-by` sees the `created by` function.
 */
export function matchesRule(g: Goroutine, rule: IgnoreRule): boolean {
  switch (rule.kind) {
    case 'top': {
      const first = g.frames[0]?.func;
      return (first !== undefined && matchesFunc(rule.func, first)) || matchesFunc(rule.func, topFunction(g.frames));
    }
    case 'any':
      return g.frames.some((f) => matchesFunc(rule.func, f.func));
    case 'created-by':
      return g.createdBy !== undefined && matchesFunc(rule.func, g.createdBy.func);
  }
}

/** Go's `go list` pattern semantics: `...` matches any string, and a trailing `/...` also matches the parent. */
export function matchesPackagePattern(pattern: string, importPath: string): boolean {
  if (!pattern.includes('...')) return pattern === importPath;
  let source = pattern.split('...').map(escapeRegExp).join('.*');
  if (pattern.endsWith('/...')) source = `${source.slice(0, -'/.*'.length)}(/.*)?`;
  return new RegExp(`^${source}$`).test(importPath);
}

/** Rules that apply to one package: those without `packages`, or with a matching pattern. */
export function rulesForPackage(rules: IgnoreRule[], importPath: string): IgnoreRule[] {
  return rules.filter((r) => r.packages === undefined || r.packages.some((p) => matchesPackagePattern(p, importPath)));
}

// Ignore rule matching and Go package pattern semantics.
import { escapeRegExp } from '../escape-regexp.js';
import type { Goroutine, IgnoreRule } from '../model.js';
import { RULE_KINDS } from '../rule-kinds.js';

/** Exact match, or a prefix match when the pattern ends with `*`. */
export function matchesFunc(pattern: string, func: string): boolean {
  return pattern.endsWith('*') ? func.startsWith(pattern.slice(0, -1)) : func === pattern;
}

/** Whether the rule ignores the goroutine (the kind's matcher in src/rule-kinds.ts). */
export function matchesRule(g: Goroutine, rule: IgnoreRule): boolean {
  return RULE_KINDS[rule.kind].matches(g, (func) => matchesFunc(rule.func, func));
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

// The kinds of ignore rule, in one table: each kind's CLI flag, config key, help text, the
// TypeScript matcher the classifier uses and the Go statement the in-binary check runs. The
// CLI, the config schema (and its JSON Schema), the settings, the classifier and the Go
// template all read this table, so a new kind is one entry here.
import { topFunction } from './check-protocol.js';
import type { Goroutine } from './model.js';

/** Names of the rule kinds (IgnoreRule.kind). */
export const RULE_KIND_NAMES = ['top', 'any', 'created-by'] as const;

/** One rule kind's name. */
export type RuleKindName = (typeof RULE_KIND_NAMES)[number];

/** Everything one rule kind means, in both languages. */
export interface RuleKind {
  /** `--ignore-<flag> <func>` on the command line. */
  flag: string;
  /** Key of an `ignore:` entry in .goleak-run.yaml. */
  configKey: string;
  /** `--help` text. */
  help: string;
  /** Config schema description. */
  description: string;
  /** Whether a goroutine matches; `matchesFunc` compares one function name with the rule's pattern. */
  matches: (g: Goroutine, matchesFunc: (func: string) => boolean) => boolean;
  /**
   * The same test in Go, as the body of a `case` in check.go.tmpl's goleakrunIgnored. In scope:
   * `funcs` (the goroutine's own frames' functions, first printed first), `createdBy` ("" when
   * none), `r` (the rule) and goleakrunMatch(r, fn), goleakrunInternal(fn). It returns true to ignore.
   */
  go: string;
}

/** The table: `top` sees the first printed frame and the first non-runtime frame (dumps under
 * GOTRACEBACK=system start with runtime.gopark); `any` every own frame, never ancestors, which
 * every test goroutine shares; `created-by` the `created by` function. */
export const RULE_KINDS: Record<RuleKindName, RuleKind> = {
  top: {
    flag: 'top',
    configKey: 'top',
    help: 'ignore goroutines whose top function is FUNC (repeatable; FUNC* for a prefix)',
    description: 'Ignore goroutines whose top function is this (trailing * = prefix).',
    matches: (g, match) => {
      const first = g.frames[0]?.func;
      return (first !== undefined && match(first)) || match(topFunction(g.frames));
    },
    go: `if len(funcs) > 0 && goleakrunMatch(r, funcs[0]) {
	return true
}
for _, f := range funcs {
	if !goleakrunInternal(f) {
		if goleakrunMatch(r, f) {
			return true
		}
		break
	}
}`,
  },
  any: {
    flag: 'any',
    configKey: 'any',
    help: 'ignore goroutines with FUNC anywhere on their stack (repeatable)',
    description: 'Ignore goroutines with this function anywhere in their stack.',
    matches: (g, match) => g.frames.some((f) => match(f.func)),
    go: `for _, f := range funcs {
	if goleakrunMatch(r, f) {
		return true
	}
}`,
  },
  'created-by': {
    flag: 'created-by',
    configKey: 'createdBy',
    help: 'ignore goroutines created by FUNC (repeatable)',
    description: 'Ignore goroutines started by this function.',
    matches: (g, match) => g.createdBy !== undefined && match(g.createdBy.func),
    go: `if createdBy != "" && goleakrunMatch(r, createdBy) {
	return true
}`,
  },
};

/** The Go `case` clauses of goleakrunIgnored's switch, one per kind. */
export function goRuleCases(): string {
  return RULE_KIND_NAMES.map((name) => {
    const body = RULE_KINDS[name].go
      .split('\n')
      .map((line) => `\t\t\t${line}`)
      .join('\n');
    return `\t\tcase ${JSON.stringify(name)}:\n${body}`;
  }).join('\n');
}

// The `--ignore-<kind> FUNC` options, one per rule kind of src/rule-kinds.ts; shared by the run and `profile`.
import type { Command } from 'commander';
import { RULE_KIND_NAMES, RULE_KINDS, type RuleKindName } from '../rule-kinds.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// commander's attribute name for `--ignore-created-by` is ignoreCreatedBy.
const attribute = (name: RuleKindName): string =>
  `ignore-${RULE_KINDS[name].flag}`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Adds one repeatable `--ignore-<flag> <func>` option per rule kind. */
export function addIgnoreOptions(program: Command): Command {
  for (const name of RULE_KIND_NAMES)
    program.option(`--ignore-${RULE_KINDS[name].flag} <func>`, RULE_KINDS[name].help, collect);
  return program;
}

/** The functions given to each `--ignore-<flag>` option, by kind. */
export function readIgnoreOptions(opts: Record<string, unknown>): Record<RuleKindName, string[]> {
  return Object.fromEntries(
    RULE_KIND_NAMES.map((name) => [name, (opts[attribute(name)] as string[] | undefined) ?? []]),
  ) as Record<RuleKindName, string[]>;
}

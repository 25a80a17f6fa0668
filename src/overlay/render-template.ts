// Fills a Go template: drops the `//#` documentation lines and replaces `{{NAME}}`
// placeholders; an unknown placeholder means templates/ and the code disagree.
import { GoleakRunError } from '../errors.js';
import type { IgnoreRule } from '../model.js';

/** Renders a template with the given placeholder values. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  const body = template
    .split('\n')
    .filter((line) => !line.startsWith('//#'))
    .join('\n');
  return body.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new GoleakRunError(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** Go composite literals for the ignore rules, one `goleakrunRule` per line. */
export function goRuleLiterals(rules: IgnoreRule[]): string {
  return rules
    .map((r) => {
      const prefix = r.func.endsWith('*');
      const fn = prefix ? r.func.slice(0, -1) : r.func;
      // JSON string syntax is a subset of Go's interpreted string literal syntax.
      return `\t{kind: ${JSON.stringify(r.kind)}, fn: ${JSON.stringify(fn)}, prefix: ${prefix}},`;
    })
    .join('\n');
}

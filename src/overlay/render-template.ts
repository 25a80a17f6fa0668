// Fills a Go template: drops the `//#` documentation lines and replaces `{{NAME}}`
// placeholders; an unknown placeholder means templates/ and the code disagree.
import { GoleakRunError } from '../errors.js';
import type { IgnoreRule } from '../model.js';

/** Renders a template with the given placeholder values. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return compileTemplate(template)(values);
}

/**
 * A template prepared once: `//#` lines dropped and the text split at its placeholders, so
 * filling it for each of hundreds of packages is one join.
 */
export function compileTemplate(template: string): FillTemplate {
  const body = dropDocLines(template);
  // Odd indexes hold placeholder names, even ones the text between them.
  const pieces = body.split(/\{\{([A-Z_]+)\}\}/);
  return (values) => {
    const out = pieces.slice();
    for (let i = 1; i < out.length; i += 2) {
      const value = values[out[i]!];
      if (value === undefined) throw new GoleakRunError(`template placeholder {{${out[i]}}} has no value`);
      out[i] = value;
    }
    return out.join('');
  };
}

/** A compiled template: its text with the placeholders filled. */
export type FillTemplate = (values: Record<string, string>) => string;

/** The template without its `//#` documentation lines. */
export function dropDocLines(template: string): string {
  return template
    .split('\n')
    .filter((line) => !line.startsWith('//#'))
    .join('\n');
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

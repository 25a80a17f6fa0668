// Escaping for GitHub-flavoured Markdown table cells.
import { plainText } from './text-clean.js';

/** Plain text in a table cell: one line, pipes and Markdown/HTML syntax escaped. */
export function cell(text: string): string {
  return plainText(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text shown as code in a table cell; backticks cannot be escaped inside a code span. */
export function codeCell(text: string): string {
  const inner = plainText(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
  return inner === '' ? '' : `\`${inner}\``;
}

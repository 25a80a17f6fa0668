// Cleaning of untrusted text (test output, build output) before it lands in a report format.
import { stripVTControlCharacters } from 'node:util';

// XML 1.0 allows only TAB, LF, CR and U+0020 upward (minus surrogates and U+FFFE/U+FFFF).
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls other than TAB and LF, plus DEL: they garble terminals, logs and YAML.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// test2json framing lines that say nothing a report does not already say.
const FRAMING = /^=== (RUN|PAUSE|CONT|NAME)\s/;

/** Removes ANSI escape sequences (colours, cursor moves). */
function stripAnsi(text: string): string {
  return stripVTControlCharacters(text);
}

/** Drops ANSI sequences, then any character XML 1.0 cannot carry. */
export function xmlSafe(text: string): string {
  return stripAnsi(text).replace(XML_FORBIDDEN, '');
}

/** Drops ANSI sequences and control characters except TAB and LF. */
export function plainText(text: string): string {
  return stripAnsi(text).replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A test's output lines without trailing newlines and without `=== RUN`-style framing. */
export function outputLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/\r?\n$/, '')).filter((line) => !FRAMING.test(line));
}

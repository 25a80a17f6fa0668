// Facts about one Go file read from its tokens: package clause, how it imports os,
// and where a top-level TestMain is declared.
import { type ImportNames, importNames } from '../go-source/go-imports.js';
import type { GoToken } from '../go-source/go-tokenizer.js';

/** How a file can refer to os.Exit: through named imports and/or a dot import. */
export type OsImport = ImportNames;

/** Drops comments: declarations and selectors are matched on code tokens only. */
export function codeTokens(tokens: GoToken[]): GoToken[] {
  return tokens.filter((t) => t.kind !== 'comment');
}

/** The name in the `package` clause, or undefined when the file has none. */
export function packageClause(code: GoToken[]): string | undefined {
  const i = code.findIndex((t) => t.kind === 'ident' && t.text === 'package');
  const name = i < 0 ? undefined : code[i + 1];
  return name?.kind === 'ident' ? name.text : undefined;
}

/** How the file refers to package os (for os.Exit). */
export function osImport(code: GoToken[]): OsImport {
  return importNames(code, 'os');
}

/** Index (in `code`) of the name token of a top-level `func TestMain(`, or -1. */
export function findTestMain(code: GoToken[]): number {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const t = code[i]!;
    if (t.kind === 'punct') {
      if ('{(['.includes(t.text)) depth++;
      else if ('})]'.includes(t.text)) depth--;
      continue;
    }
    if (depth === 0 && t.kind === 'ident' && t.text === 'func') {
      const name = code[i + 1];
      if (name?.kind === 'ident' && name.text === 'TestMain' && code[i + 2]?.text === '(') return i + 1;
    }
  }
  return -1;
}

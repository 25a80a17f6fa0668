// Facts about one Go file read from its tokens: package clause, how it imports os,
// and where a top-level TestMain is declared.
import type { GoToken } from '../go-source/go-tokenizer.js';

/** How a file can refer to os.Exit: through named imports and/or a dot import. */
export interface OsImport {
  /** Identifiers bound to package os (`os`, or the alias of `import sys "os"`). */
  names: string[];
  /** `import . "os"`: Exit is used unqualified. */
  dot: boolean;
}

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

/** Reads the import declarations (they precede all other declarations) for package os. */
export function osImport(code: GoToken[]): OsImport {
  const result: OsImport = { names: [], dot: false };
  const addSpec = (name: GoToken | undefined, path: GoToken): void => {
    if (path.text.slice(1, -1) !== 'os') return;
    if (!name) result.names.push('os');
    else if (name.text === '.') result.dot = true;
    else if (name.text !== '_') result.names.push(name.text);
  };
  for (let i = 0; i < code.length; i++) {
    if (code[i]!.text !== 'import' || code[i]!.kind !== 'ident') continue;
    const grouped = code[i + 1]?.text === '(';
    let j = grouped ? i + 2 : i + 1;
    while (j < code.length && code[j]!.text !== ')') {
      const tok = code[j]!;
      if (tok.kind === 'string') addSpec(undefined, tok);
      else if ((tok.kind === 'ident' || tok.text === '.') && code[j + 1]?.kind === 'string') {
        addSpec(tok, code[j + 1]!);
        j++;
      }
      j++;
      if (!grouped) break;
    }
    i = grouped ? j : j - 1;
  }
  return result;
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

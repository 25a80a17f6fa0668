// How a Go file refers to an imported package, read from its import declarations.
import type { GoToken } from './go-tokenizer.js';

/** Identifiers bound to one import path, and whether it is dot-imported. */
export interface ImportNames {
  /** `os`, or the alias of `import sys "os"`; the last path element for an unaliased import. */
  names: string[];
  /** `import . "path"`: its names are used unqualified. */
  dot: boolean;
}

/** Reads the import declarations (they precede all other declarations) for one import path. */
export function importNames(code: GoToken[], path: string): ImportNames {
  const result: ImportNames = { names: [], dot: false };
  const addSpec = (name: GoToken | undefined, spec: GoToken): void => {
    if (spec.text.slice(1, -1) !== path) return;
    if (!name) result.names.push(path.slice(path.lastIndexOf('/') + 1));
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

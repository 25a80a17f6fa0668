// How a Go file refers to its imported packages, read from its import declarations.
import type { GoToken } from './go-tokenizer.js';

/** Identifiers bound to one import path, and whether it is dot-imported. */
export interface ImportNames {
  /** `os`, or the alias of `import sys "os"`; the last path element for an unaliased import. */
  names: string[];
  /** `import . "path"`: its names are used unqualified. */
  dot: boolean;
}

interface ImportSpec {
  /** The alias token's text (`.`, `_` or a name); undefined without an alias. */
  alias?: string;
  path: string;
}

// The import declarations precede all other declarations.
function importSpecs(code: GoToken[]): ImportSpec[] {
  const specs: ImportSpec[] = [];
  for (let i = 0; i < code.length; i++) {
    if (code[i]!.text !== 'import' || code[i]!.kind !== 'ident') continue;
    const grouped = code[i + 1]?.text === '(';
    let j = grouped ? i + 2 : i + 1;
    while (j < code.length && code[j]!.text !== ')') {
      const tok = code[j]!;
      if (tok.kind === 'string') specs.push({ path: tok.text.slice(1, -1) });
      else if ((tok.kind === 'ident' || tok.text === '.') && code[j + 1]?.kind === 'string') {
        specs.push({ alias: tok.text, path: code[j + 1]!.text.slice(1, -1) });
        j++;
      }
      j++;
      if (!grouped) break;
    }
    i = grouped ? j : j - 1;
  }
  return specs;
}

const lastElement = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** How the file refers to one import path. */
export function importNames(code: GoToken[], path: string): ImportNames {
  const result: ImportNames = { names: [], dot: false };
  for (const spec of importSpecs(code)) {
    if (spec.path !== path) continue;
    if (spec.alias === undefined) result.names.push(lastElement(path));
    else if (spec.alias === '.') result.dot = true;
    else if (spec.alias !== '_') result.names.push(spec.alias);
  }
  return result;
}

/** Every named or unaliased import of the file: identifier → import path (dot and blank imports left out). */
export function importedNames(code: GoToken[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const spec of importSpecs(code)) {
    if (spec.alias === '.' || spec.alias === '_') continue;
    names.set(spec.alias ?? lastElement(spec.path), spec.path);
  }
  return names;
}

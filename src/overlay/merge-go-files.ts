// Joins rendered Go files of one package into one: the go command hashes, parses and type-checks
// every file of a test package on each run, cached or not, so the check goes in as a single file.
import { GoleakRunError } from '../errors.js';

// What the templates render: the generated-code header, the package clause, one grouped import
// block of aliased imports (none in a part that needs no package), then the declarations.
const SHAPE = /^(\/\/ Code generated[^\n]*\n\npackage \S+\n)\n(?:import \(\n((?:\t\S+ "[^"]+"\n)*)\)\n\n)?/;

/** One Go file with the header and package clause of the first, every import once, then each body. */
export function mergeGoFiles(files: string[]): string {
  let head = '';
  const imports = new Set<string>();
  const bodies: string[] = [];
  for (const file of files) {
    const m = SHAPE.exec(file);
    if (!m) throw new GoleakRunError('a template does not start with the header, package clause and import block');
    head ||= m[1]!;
    for (const line of (m[2] ?? '').split('\n')) if (line !== '') imports.add(line);
    bodies.push(file.slice(m[0].length).trimEnd());
  }
  const sorted = [...imports].sort((a, b) => (a.split('"')[1]! < b.split('"')[1]! ? -1 : 1));
  return `${head}\nimport (\n${sorted.join('\n')}\n)\n\n${bodies.join('\n\n')}\n`;
}

// The stages import one way: no import cycle between the folders of src/ (a top-level module
// counts as its own node), and only app/ and cli.ts reach into app/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// `classify/attribute.ts` → `classify`; `model.ts` → `model.ts`.
const nodeOf = (file: string): string => relative(src, file).split('/')[0]!;

function edges(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = nodeOf(file);
    const text = readFileSync(file, 'utf8');
    // Type-only imports are erased at run time; the stages' values must still flow one way.
    for (const m of text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const to = nodeOf(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      if (to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, path: string[]): void => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return found;
}

describe('architecture', () => {
  it('has no import cycle between the folders of src/', () => {
    const graph = edges();
    expect(graph.size).toBeGreaterThan(8);
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps app/ (the orchestration) out of every stage', () => {
    const into = [...edges()].filter(([from, to]) => from !== 'cli.ts' && from !== 'app' && to.has('app'));
    expect(into.map(([from]) => from)).toEqual([]);
  });
});

// Test support: reads TAP back with tap-parser, every test point of every subtest level.
import { Parser, type Result } from 'tap-parser';

/** One test point as tap-parser reports it, with the subtest names above it. */
export interface Point {
  path: string[];
  ok: boolean;
  id: number;
  name: string;
  skip: string | boolean;
  todo: string | boolean;
  diag: Record<string, unknown> | null;
}

// Parses TAP with tap-parser, collecting every test point of every subtest level.
export function parseTap(tap: string): { points: Point[]; final: any; errors: unknown[] } {
  const points: Point[] = [];
  const errors: unknown[] = [];
  let final: any;
  const attach = (p: Parser, path: string[]): void => {
    p.on('assert', (r: Result) =>
      points.push({ path, ok: r.ok, id: r.id, name: r.name, skip: r.skip, todo: r.todo, diag: r.diag }),
    );
    p.on('child', (c: Parser) => attach(c, [...path, c.name]));
    p.on('parseError', (e: unknown) => errors.push(e));
  };
  const parser = new Parser((results) => (final = results));
  attach(parser, []);
  parser.end(tap);
  return { points, final, errors };
}

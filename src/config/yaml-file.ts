// YAML text → validated data, with every problem reported as `file:line: expected …, found …`.
// Shared by the config file and the baseline file.
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { FileFormatError } from '../errors.js';

/** A parsed YAML document and the means to find the line of any part of it. */
export interface YamlFile {
  file: string;
  doc: Document;
  value: unknown;
  /** Line of the node at `path`, or of its nearest existing parent. */
  lineAt(path: readonly PropertyKey[]): number;
  /** Line of the key `key` inside the mapping at `path`. */
  keyLine(path: readonly PropertyKey[], key: string): number;
}

function first(msg: string): string {
  return (msg.split('\n')[0] ?? msg).replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses YAML; a syntax error throws FileFormatError at its line. */
export function parseYaml(text: string, file: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    // An unterminated scalar is reported at the end of the input; point at the last line instead.
    const lastLine = text.replace(/\n+$/, '').split('\n').length;
    const line = Math.min(lineCounter.linePos(error.pos[0]).line, lastLine);
    throw new FileFormatError(file, line, `expected valid YAML, found a syntax error: ${first(error.message)}`, {
      cause: error,
    });
  }
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const lineAt = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      const line = lineOf(node);
      if (line !== undefined) return line;
    }
    return 1;
  };
  const keyLine = (path: readonly PropertyKey[], key: string): number => {
    const map = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
    const pair = isMap(map) ? map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) : undefined;
    return lineOf(pair?.key) ?? lineAt(path);
  };
  // Neither file format needs aliases, and a few nested ones expand into billions of nodes
  // ("billion laughs"): refuse the first one before anything is expanded.
  let alias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) {
    throw new FileFormatError(
      file,
      lineCounter.linePos(alias).line,
      'expected plain values, found a YAML alias (*name); write the value out',
    );
  }
  return { file, doc, value: doc.toJS({ maxAliasCount: 0 }), lineAt, keyLine };
}

/** How a value reads in an error message. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** `ignore[0].reason`; the top level is `the file`. */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function toError(y: YamlFile, issue: z.core.$ZodIssue): { line: number; detail: string } {
  const path = issue.path;
  const where = describePath(path);
  const found = describeValue(valueAt(y.value, path));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { line: y.keyLine(path, key), detail: `expected only known keys in ${where}, found unknown key "${key}"` };
    }
    case 'invalid_type': {
      const expected = EXPECTED_TYPE[issue.expected] ?? issue.expected;
      return { line: y.lineAt(path), detail: `expected ${expected} for ${where}, found ${found}` };
    }
    case 'invalid_value':
      return {
        line: y.lineAt(path),
        detail: `expected ${issue.values.map((v) => describeValue(v)).join(' or ')} for ${where}, found ${found}`,
      };
    case 'custom': {
      const keys = (issue.params as { found?: string[] } | undefined)?.found;
      if (!keys) return { line: y.lineAt(path), detail: `expected ${issue.message} for ${where}, found ${found}` };
      const what = keys.length === 0 ? 'none' : keys.join(' and ');
      return { line: y.lineAt(path), detail: `expected ${issue.message} in ${where}, found ${what}` };
    }
    default:
      return { line: y.lineAt(path), detail: `expected ${issue.message} for ${where}, found ${found}` };
  }
}

/** Validates the parsed value; the earliest problem in the file throws FileFormatError. */
export function validateYaml<T>(y: YamlFile, schema: z.ZodType<T>): T {
  const result = schema.safeParse(y.value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => toError(y, issue));
  const earliest = errors.reduce((a, b) => (b.line < a.line ? b : a));
  throw new FileFormatError(y.file, earliest.line, earliest.detail, { cause: result.error });
}

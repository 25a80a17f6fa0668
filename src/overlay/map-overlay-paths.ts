// Compiler and vet messages name overlaid files by their temp path, shortened
// relative to the go command's working directory (`../../tmp/x/3/a_test.go:5:2`);
// this maps them back to the user's file as Go would have printed it.
import { isAbsolute, relative, sep } from 'node:path';
import { escapeRegExp } from '../escape-regexp.js';

/** Rewrites temp paths in go command output to the user's paths. */
export function mapOverlayPaths(text: string, tempToOriginal: Record<string, string>, cwd: string): string {
  const targets = new Map<string, string>();
  for (const [temp, original] of Object.entries(tempToOriginal)) {
    const shown = shortPath(original, cwd);
    targets.set(temp, shown);
    targets.set(relative(cwd, temp), shown);
  }
  if (targets.size === 0) return text;
  // Longest first, so a path is never replaced by a shorter one it contains.
  const alternatives = [...targets.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\w./-])(?:${alternatives.join('|')})(?![\\w/]|\\.\\w)`, 'g');
  return text.replace(re, (match) => targets.get(match) ?? match);
}

// Go shows a file under the working directory relative to it, `./x.go` when it sits
// right there, and any other file by its absolute path.
function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.includes(sep) ? rel : `.${sep}${rel}`;
}

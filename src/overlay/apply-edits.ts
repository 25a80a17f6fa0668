// Applies text edits by offset; the overlay's rewrites only insert or replace text inside a line.

/** Insert `insert` at offset `at`, replacing `remove` characters. */
export interface TextEdit {
  at: number;
  remove: number;
  insert: string;
}

/** The text with every edit applied (edits do not overlap; order does not matter). */
export function applyEdits(src: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += src.slice(pos, e.at) + e.insert;
    pos = e.at + e.remove;
  }
  return out + src.slice(pos);
}

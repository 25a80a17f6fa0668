// test2json cuts output lines longer than its buffer into several events, and a
// program may print without a final newline: chunks are joined per key (package
// and test) until a newline completes the line.

/** Joins output chunks into whole lines, separately for each key. */
export interface LineJoiner {
  /** Adds a chunk; returns the lines it completed, without their newlines. */
  push(key: string, chunk: string): string[];
  /** Returns and forgets the unfinished line of `key`, if any. */
  flush(key: string): string | undefined;
  /** Keys that hold an unfinished line, in first-seen order. */
  pendingKeys(): string[];
}

/** Creates an empty joiner. */
export function createLineJoiner(): LineJoiner {
  const partial = new Map<string, string>();
  return {
    push(key, chunk) {
      let start = 0;
      let nl = chunk.indexOf('\n');
      if (nl < 0) {
        partial.set(key, (partial.get(key) ?? '') + chunk);
        return [];
      }
      const lines: string[] = [];
      const head = partial.get(key);
      partial.delete(key);
      while (nl >= 0) {
        let line = chunk.slice(start, nl);
        if (start === 0 && head !== undefined) line = head + line;
        lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
        start = nl + 1;
        nl = chunk.indexOf('\n', start);
      }
      if (start < chunk.length) partial.set(key, chunk.slice(start));
      return lines;
    },
    flush(key) {
      const rest = partial.get(key);
      partial.delete(key);
      return rest;
    },
    pendingKeys() {
      return [...partial.keys()];
    },
  };
}

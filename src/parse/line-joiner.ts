// test2json cuts output lines longer than its buffer into several events, and a
// program may print without a final newline: chunks are joined per key (package
// and test) until a newline completes the line.

/** Joins output chunks into whole lines, separately for each key. */
export interface LineJoiner {
  /** Adds a chunk; returns the lines it completed, without their newlines. */
  push(key: string, chunk: string): string[];
  /** Adds a chunk and passes each line it completed to `emit`, in order, without building an array. */
  each(key: string, chunk: string, emit: (line: string) => void): void;
  /** Returns and forgets the unfinished line of `key`, if any. */
  flush(key: string): string | undefined;
  /** Keys that hold an unfinished line, in first-seen order. */
  pendingKeys(): string[];
}

/**
 * Longest line kept whole (in UTF-16 units). A test that prints more without a newline gets its
 * output cut into lines of this size: V8 throws a RangeError past 2^29 characters in one string.
 */
const MAX_LINE_LENGTH = 32 * 1024 * 1024;

/** Creates an empty joiner; `maxLineLength` is for tests. */
export function createLineJoiner(opts: { maxLineLength?: number } = {}): LineJoiner {
  const max = opts.maxLineLength ?? MAX_LINE_LENGTH;
  const partial = new Map<string, string>();
  // Keeps the unfinished line of `key`; once it reaches `max`, it goes out in lines of that size.
  const hold = (key: string, text: string, emit: (line: string) => void): void => {
    let rest = text;
    while (rest.length >= max) {
      emit(rest.slice(0, max));
      rest = rest.slice(max);
    }
    if (rest !== '' || text === '') partial.set(key, rest);
  };
  const each = (key: string, chunk: string, emit: (line: string) => void): void => {
    // Most chunks are one whole line and nothing is pending: no lookup then.
    const head = partial.size === 0 ? undefined : partial.get(key);
    if (head !== undefined) partial.delete(key);
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      hold(key, head === undefined ? chunk : head + chunk, emit);
      return;
    }
    let start = 0;
    while (nl >= 0) {
      const piece = chunk.slice(start, nl);
      const line = start === 0 && head !== undefined ? head + piece : piece;
      emit(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) hold(key, chunk.slice(start), emit);
  };
  return {
    push(key, chunk) {
      const lines: string[] = [];
      each(key, chunk, (line) => lines.push(line));
      return lines;
    },
    each,
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

// I/O: follows a file another process writes, as `tail -f` does: go test's stdout where no named
// pipe can be made (follow-fifo.ts). A chatty test prints millions of events, each one write, and
// through an ordinary pipe every write wakes the reader (measured: 2,000,000 lines take 13.7 s
// through a pipe, 8.7 s into a file, 6.2 s into /dev/null).
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1 << 20;
// How long to wait before looking again when the writer has not written anything new.
const IDLE_MS = 5;

/** A file being followed: `finish` reads what is left once the writer has exited. */
export interface Tail {
  finish: () => Promise<void>;
}

/** Follows `path` from its start, passing every piece of text read to `onText` in order. */
export async function tailFile(path: string, onText: (text: string) => void): Promise<Tail> {
  const file = await open(path, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  let position = 0;
  let writerDone = false;
  let wake: (() => void) | undefined;
  const readAll = async (): Promise<void> => {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      onText(decoder.write(buffer.subarray(0, bytesRead)));
    }
  };
  const loop = (async () => {
    while (!writerDone) {
      await readAll();
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, IDLE_MS);
      });
    }
    await readAll();
    const rest = decoder.end();
    if (rest !== '') onText(rest);
    await file.close();
  })();
  return {
    finish: async () => {
      writerDone = true;
      wake?.();
      await loop;
    },
  };
}

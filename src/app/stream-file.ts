// I/O: a file written as a stream and put in place atomically (temp file beside it, then rename),
// so a reader never sees half of it and an interrupted run leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A file being written: `commit` renames it into place, `abort` removes it. */
export interface StreamFile {
  write: (text: string) => void;
  commit: () => Promise<void>;
  abort: () => Promise<void>;
}

/** Opens `<dir>/.<name>.<random>.tmp`, creating missing directories. */
export async function openStreamFile(file: string): Promise<StreamFile> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const stream = createWriteStream(temp, { encoding: 'utf8' });
  const opened = new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', fail);
  });
  await opened;
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const ended = (): Promise<void> => new Promise((ok) => stream.end(() => ok()));
  return {
    write: (text) => {
      stream.write(text);
    },
    commit: async () => {
      await ended();
      if (failure) {
        await rm(temp, { force: true });
        throw failure;
      }
      await rename(temp, target);
    },
    abort: async () => {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}

// I/O: reads the files the check wrote for each package into the results directory.
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CRASH_SUFFIX, decodeRecord, EXIT_SUFFIX, recordFileName, resultId } from '../check-protocol.js';
import type { PackageResults } from '../parse/apply-results.js';

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

// A crash with -timeout prints every goroutine: far below V8's string limit (about 512 MiB) even
// for a very large test, the head of the dump is what names the hung tests.
const MAX_CRASH_BYTES = 256 << 20;

async function readCrash(path: string): Promise<string | undefined> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, 'r');
    const size = (await file.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, MAX_CRASH_BYTES));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}

/** The results of each package, by import path; a file that is absent or not a record is left out. */
export async function readResults(dir: string, importPaths: string[]): Promise<Map<string, PackageResults>> {
  const entries = await Promise.all(
    importPaths.map(async (importPath): Promise<[string, PackageResults]> => {
      const id = resultId(importPath);
      const [final, waiting, crash, exit] = await Promise.all([
        readOptional(join(dir, recordFileName(id, 'final'))),
        readOptional(join(dir, recordFileName(id, 'waiting'))),
        readCrash(join(dir, `${id}${CRASH_SUFFIX}`)),
        readOptional(join(dir, `${id}${EXIT_SUFFIX}`)),
      ]);
      const results: PackageResults = {};
      const decode = (text: string | undefined) => {
        const record = text === undefined ? undefined : decodeRecord(text);
        return record?.pkg === importPath ? record : undefined;
      };
      const f = decode(final);
      const w = decode(waiting);
      if (f) results.final = f;
      if (w) results.waiting = w;
      if (crash) results.crash = crash;
      if (exit !== undefined && /^\d{1,3}$/.test(exit)) results.exitCode = Number(exit);
      return [importPath, results];
    }),
  );
  return new Map(entries);
}

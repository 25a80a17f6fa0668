// I/O: reads the files the check wrote for each package into the results directory.
import { readFile } from 'node:fs/promises';
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

/** The results of each package, by import path; a file that is absent or not a record is left out. */
export async function readResults(dir: string, importPaths: string[]): Promise<Map<string, PackageResults>> {
  const entries = await Promise.all(
    importPaths.map(async (importPath): Promise<[string, PackageResults]> => {
      const id = resultId(importPath);
      const [final, waiting, crash, exit] = await Promise.all([
        readOptional(join(dir, recordFileName(id, 'final'))),
        readOptional(join(dir, recordFileName(id, 'waiting'))),
        readOptional(join(dir, `${id}${CRASH_SUFFIX}`)),
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

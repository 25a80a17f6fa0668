// I/O: reads the files the check wrote for each package into the results directory.
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { CRASH_SUFFIX, decodeRecord, EXIT_SUFFIX, recordFileName, resultId, RUN_SUFFIX } from '../check-protocol.js';
import type { PackageResults } from '../parse/apply-results.js';

// A crash with -timeout prints every goroutine: far below V8's string limit (about 512 MiB) even
// for a very large test, the head of the dump is what names the hung tests.
const MAX_CRASH_BYTES = 256 << 20;

// Read at once, not through the thread pool: a run reads three or four small files for each of
// hundreds of packages as go test exits, and each asynchronous read costs four round trips.
function readHead(path: string, max: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, max));
    const bytesRead = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The results of each package, by import path; a file that is absent or not a record is left out. */
export async function readResults(dir: string, importPaths: string[]): Promise<Map<string, PackageResults>> {
  let names: Set<string>;
  try {
    names = new Set(readdirSync(dir));
  } catch {
    names = new Set();
  }
  // Only the files the check wrote are opened: most packages have no waiting record.
  const read = (name: string, max = Number.MAX_SAFE_INTEGER) =>
    names.has(name) ? readHead(join(dir, name), max) : undefined;
  const entries = importPaths.map((importPath): [string, PackageResults] => {
    const id = resultId(importPath);
    const results: PackageResults = {};
    const decode = (text: string | undefined) => {
      const record = text === undefined ? undefined : decodeRecord(text);
      return record?.pkg === importPath ? record : undefined;
    };
    const f = decode(read(recordFileName(id, 'final')));
    const w = decode(read(recordFileName(id, 'waiting')));
    const crash = read(`${id}${CRASH_SUFFIX}`, MAX_CRASH_BYTES);
    const exit = read(`${id}${EXIT_SUFFIX}`);
    if (f) results.final = f;
    if (w) results.waiting = w;
    if (crash) results.crash = crash;
    // The check creates the crash file as it arms, before the user's TestMain runs.
    if (crash !== undefined) results.armed = true;
    if (names.has(`${id}${RUN_SUFFIX}`)) results.started = true;
    if (exit !== undefined && /^\d{1,3}$/.test(exit)) results.exitCode = Number(exit);
    return [importPath, results];
  });
  return new Map(entries);
}

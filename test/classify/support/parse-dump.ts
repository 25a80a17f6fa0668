// Loads the recorded dumps of test/classify/data through the shared dump parser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dump } from '../../../src/model.js';
import { parseDump } from '../../../src/parse/index.js';

/** Folder of the recorded dumps and of the Go program that produced them. */
export const DATA_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data');

/** The fixed path regenerate.sh records under; stands for DATA_DIR/gen. */
export const RECORDED_MODULE_DIR = '/tmp/goleak-run-classify-gen';

/** Import path of the recorded module. */
export const RECORDED_MODULE_PATH = 'example.com/leaky';

/** Reads the recorded sources the way the CLI reads the user's files. */
export function readRecordedSource(absFile: string): string | undefined {
  if (!absFile.startsWith(`${RECORDED_MODULE_DIR}/`)) return undefined;
  try {
    return readFileSync(path.join(DATA_DIR, 'gen', absFile.slice(RECORDED_MODULE_DIR.length)), 'utf8');
  } catch {
    return undefined;
  }
}

/** Parses one recorded dump file from test/classify/data. */
export function loadDump(name: string): Dump {
  return parseDump(readFileSync(path.join(DATA_DIR, name), 'utf8'));
}

/** Names of the tests the recorded run started (`<dump>-tests.txt` beside the dump), empty when none was recorded. */
export function loadTestNames(dumpName: string): string[] {
  const file = path.join(DATA_DIR, dumpName.replace(/\.txt$/, '-tests.txt'));
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

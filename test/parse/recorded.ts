// Reads the recordings made by fixtures/dumps/regenerate.sh.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of fixtures/dumps. */
export const DUMPS_DIR = fileURLToPath(new URL('../../fixtures/dumps/', import.meta.url));

/** Text of one recorded file under fixtures/dumps/recorded/. */
export function recorded(name: string): string {
  return readFileSync(`${DUMPS_DIR}recorded/${name}`, 'utf8');
}

/** The key fixtures/dumps/record-check-stream.mjs signs recorded streams with. */
export const RECORDING_KEY = 'd0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0';

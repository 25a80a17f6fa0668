// Minimal dump parser for the classify tests only, until the shared parser in src/parse lands.
// It reads what the recorded dumps contain and ignores what it does not know.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ancestor, CreatedBy, Dump, Frame, Goroutine } from '../../../src/model.js';

/** Folder of the recorded dumps and of the Go program that produced them. */
export const DATA_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data');

/** The fixed path regenerate.sh records under; stands for DATA_DIR/gen. */
export const RECORDED_MODULE_DIR = '/tmp/goleak-run-classify-gen';

/** Reads the recorded sources the way the CLI reads the user's files. */
export function readRecordedSource(absFile: string): string | undefined {
  if (!absFile.startsWith(RECORDED_MODULE_DIR + '/')) return undefined;
  try {
    return readFileSync(path.join(DATA_DIR, 'gen', absFile.slice(RECORDED_MODULE_DIR.length)), 'utf8');
  } catch {
    return undefined;
  }
}

/** Parses one recorded dump file from test/classify/data. */
export function loadDump(name: string): Dump {
  return parseDumpForTests(readFileSync(path.join(DATA_DIR, name), 'utf8'));
}

const HEADER = /^goroutine (\d+)(?: [^[]*)? \[([^\]]*)\]:$/;
const CALL = /^(.*)\((.*)\)$/;
const LOCATION = /^\t(.*):(\d+)(?: .*)?$/;
const CREATED = /^created by (\S+)(?: in goroutine (\d+))?$/;
const ORIGIN = /^\[originating from goroutine (\d+)\]:$/;

interface Block {
  frames: Frame[];
  createdBy?: CreatedBy;
  truncated: boolean;
}

/** Test-only parser of a `runtime.Stack(buf, true)` or timeout dump. */
export function parseDumpForTests(text: string): Dump {
  const goroutines: Goroutine[] = [];
  let g: Goroutine | undefined;
  let block: Block | undefined;
  let pending: { func: string; args: string; created?: number } | undefined;
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      const parts = (header[2] ?? '').split(', ');
      const minutes = parts.find((p) => /^\d+ minutes$/.test(p));
      g = {
        id: Number(header[1]),
        state: parts[0] ?? '',
        lockedToThread: parts.includes('locked to thread'),
        durable: false,
        leakedByGc: parts.includes('leaked'),
        labels: {},
        frames: [],
        framesElided: 0,
        ancestors: [],
        ...(minutes ? { waitMinutes: parseInt(minutes, 10) } : {}),
      };
      goroutines.push(g);
      block = g;
      continue;
    }
    if (!g || !block) continue;
    const origin = ORIGIN.exec(line);
    if (origin) {
      const ancestor: Ancestor = { goroutine: Number(origin[1]), frames: [], truncated: false };
      g.ancestors.push(ancestor);
      block = ancestor;
      continue;
    }
    if (line === '...additional frames elided...') {
      block.truncated = true;
      continue;
    }
    const loc = LOCATION.exec(line);
    if (loc && pending) {
      const file = loc[1] ?? '';
      const lineNo = Number(loc[2]);
      if (pending.created !== undefined) {
        block.createdBy = { func: pending.func, file, line: lineNo, ...(pending.created > 0 ? { goroutine: pending.created } : {}) };
      } else {
        block.frames.push({ func: pending.func, args: pending.args, file, line: lineNo });
      }
      pending = undefined;
      continue;
    }
    const created = CREATED.exec(line);
    if (created) {
      pending = { func: created[1] ?? '', args: '', created: created[2] ? Number(created[2]) : 0 };
      continue;
    }
    const call = CALL.exec(line);
    if (call) pending = { func: call[1] ?? '', args: call[2] ?? '' };
  }
  return { goroutines, warnings: [] };
}

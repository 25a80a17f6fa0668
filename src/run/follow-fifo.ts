// I/O: go test's stdout as a named pipe, read by a worker thread that looks every 0.3 ms while
// go test writes, instead of being woken by each write. A chatty test makes go test write
// millions of events, one write each: into a file every write costs the file system (2,000,000
// lines: 5.9 s into a file, 3.9 s into /dev/null), and a reader woken per write costs a context
// switch each; a pipe read in batches costs almost nothing. The pipe holds 64 KiB, which go test
// fills in under a millisecond, hence the thread (node's timers wait 1 ms at least) and the short
// naps.
import { execFile, execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Tail } from './tail-file.js';

// Plain JavaScript run by the worker (eval: a separate module file would not survive bundling).
// state[0] = 1 once the writer has exited; state[1] = pieces sent and not yet handled, so a reader
// falling behind stops reading and go test waits, rather than the text piling up in memory.
const READER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { isAscii } = require('node:buffer');
const { StringDecoder } = require('node:string_decoder');
const { fd, state } = workerData;
// Under V8's large-object size (128 KiB): larger strings are mapped and unmapped one by one.
const PIECE = 112 << 10;
const MAX_QUEUED = 64;
// EAGAIN is thrown at every empty look: without a stack trace it costs less.
Error.stackTraceLimit = 0;
const decoder = new StringDecoder('utf8');
const buffer = Buffer.allocUnsafe(PIECE);
let used = 0;
let heldSince = 0;
let idle = 0;
let lastData = performance.now();
let fresh = false;
// True while the decoder holds no part of a character: an ASCII piece is then copied as Latin-1,
// which is the same text and several times faster to decode.
let whole = true;
const send = () => {
  const bytes = buffer.subarray(0, used);
  let text;
  if (whole && isAscii(bytes)) text = bytes.toString('latin1');
  else {
    text = decoder.write(bytes);
    whole = bytes[used - 1] < 0x80;
  }
  used = 0;
  Atomics.add(state, 1, 1);
  parentPort.postMessage(text);
};
for (;;) {
  const done = Atomics.load(state, 0) === 1;
  const queued = Atomics.load(state, 1);
  if (!done && queued >= MAX_QUEUED) {
    Atomics.wait(state, 1, queued, 50);
    continue;
  }
  let got = -1;
  try {
    got = readSync(fd, buffer, used, PIECE - used, null);
  } catch (error) {
    if (error.code !== 'EAGAIN' && error.code !== 'EINTR') throw error;
  }
  if (got > 0) {
    if (used === 0) heldSince = performance.now();
    used += got;
    idle = 0;
    lastData = performance.now();
    fresh = true;
    if (used < PIECE) continue;
  }
  // Few large pieces while the writer writes: one goes when full, when a whole nap brought nothing,
  // when it has waited 20 ms, and at the end.
  if (used > 0 && (used === PIECE || got === 0 || done || !fresh || performance.now() - heldSince >= 20)) send();
  // Empty after the writer exited (or every writer closed the pipe): all of it was read.
  if (got === 0 || (got < 0 && done)) break;
  if (got < 0) {
    // 0.3 ms while the writer writes (it fills the pipe in 0.7 ms), doubling while it is quiet up
    // to 5 ms, a stall the writer hardly feels; after 100 ms of quiet (builds, links, a long test)
    // up to 50 ms: every look costs CPU that go test's builds and links could use. The end of the
    // run wakes the nap at once (finish notifies state[0]).
    fresh = false;
    const cap = performance.now() - lastData >= 100 ? 50 : 5;
    Atomics.wait(state, 0, 0, Math.min(cap, 0.3 * 2 ** idle));
    idle = Math.min(idle + 1, 8);
  }
}
const rest = decoder.end();
if (rest !== '') parentPort.postMessage(rest);
`;

/** A named pipe for go test's stdout: the descriptor to give the child, and how to read what it writes. */
export interface FifoStream {
  /** The write end; close it once the child has its own copy. */
  writeFd: number;
  /** Starts reading (call it once, at once), passing every piece of text to `onText` in order; `finish` once the writer has exited. */
  follow: (onText: (text: string) => void) => Tail;
}

/** Makes a named pipe at `path` ahead of openFifoStream; where it cannot, openFifoStream tries again. */
export function makeFifo(path: string): Promise<void> {
  return new Promise((resolve) => {
    execFile('mkfifo', ['-m', '600', path], { windowsHide: true }, () => resolve());
  });
}

/** Opens both ends of a named pipe at `path` (made here unless makeFifo did); undefined without mkfifo (Windows). */
export function openFifoStream(path: string): FifoStream | undefined {
  try {
    if (!lstatSync(path, { throwIfNoEntry: false })?.isFIFO()) {
      execFileSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' });
    }
  } catch {
    return undefined;
  }
  // The read end first, not blocking: opening the write end waits for a reader otherwise.
  const readFd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(path, constants.O_WRONLY);
  return {
    writeFd,
    follow: (onText) => {
      const state = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(READER_SOURCE, { eval: true, workerData: { fd: readFd, state } });
      worker.on('message', (text: string) => {
        onText(text);
        Atomics.sub(state, 1, 1);
        Atomics.notify(state, 1);
      });
      // Messages the worker posted arrive before its exit event; the descriptor is closed by the thread that opened it.
      const ended = new Promise<void>((resolve, reject) => {
        let failure: unknown;
        worker.once('error', (error) => {
          failure = error;
        });
        worker.once('exit', () => {
          closeSync(readFd);
          if (failure === undefined) resolve();
          else reject(failure);
        });
      });
      return {
        finish: async () => {
          Atomics.store(state, 0, 1);
          Atomics.notify(state, 0);
          await ended;
        },
      };
    },
  };
}

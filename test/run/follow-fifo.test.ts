// openFifoStream: go test's stdout as a named pipe, read by a worker thread in batches.
import { spawn } from 'node:child_process';
import { closeSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFifoStream } from '../../src/run/follow-fifo.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `node -e script` with stdout on the pipe's write end; resolves when it exits. */
function writer(writeFd: number, script: string): Promise<number | null> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', writeFd, 'inherit'] });
  closeSync(writeFd);
  return new Promise((resolve) => child.once('close', resolve));
}

describe('openFifoStream', () => {
  it('passes on everything a process writes, in order, in small writes and pauses, multi-byte characters whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'goleak-run-fifo-'));
    const path = join(dir, 'stream.jsonl');
    const fifo = openFifoStream(path);
    expect(fifo).toBeDefined();
    if (!fifo) return;
    expect((await stat(path)).isFIFO()).toBe(true);
    const seen: string[] = [];
    const tail = fifo.follow((text) => seen.push(text));
    // A euro sign cut between two writes, a pause longer than the reader's naps, 20,000 one-line writes.
    const script = `
      const { writeSync } = require('node:fs');
      const euro = Buffer.from('€\\n');
      writeSync(1, euro.subarray(0, 1));
      setTimeout(() => {
        writeSync(1, euro.subarray(1));
        for (let i = 0; i < 20000; i++) writeSync(1, 'line ' + i + ' é\\n');
      }, 30);`;
    expect(await writer(fifo.writeFd, script)).toBe(0);
    await tail.finish();
    const want = `€\n${Array.from({ length: 20000 }, (_, i) => `line ${i} é\n`).join('')}`;
    expect(seen.join('')).toBe(want);
  });

  it('holds back when its reader falls behind: the writer waits instead of the text piling up', async () => {
    dir = await mkdtemp(join(tmpdir(), 'goleak-run-fifo-'));
    const fifo = openFifoStream(join(dir, 'stream.jsonl'));
    if (!fifo) throw new Error('mkfifo is missing');
    const handled: { at: number; total: number }[] = [];
    let total = 0;
    const MiB = 1 << 20;
    const tail = fifo.follow((text) => {
      // A slow reader: 10 ms per MiB.
      const until = performance.timeOrigin + performance.now() + (10 * text.length) / MiB;
      while (performance.timeOrigin + performance.now() < until);
      total += text.length;
      handled.push({ at: performance.timeOrigin + performance.now(), total });
    });
    // 32 MiB, far more than the worker may hold for its reader (64 pieces of 112 KiB);
    // the writer tells when it was done writing.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const b = Buffer.alloc(1 << 16, 'x');
         for (let i = 0; i < 512; i++) fs.writeSync(1, b);
         fs.writeSync(2, String(performance.timeOrigin + performance.now()));`,
      ],
      { stdio: ['ignore', fifo.writeFd, 'pipe'] },
    );
    closeSync(fifo.writeFd);
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    expect(await new Promise((resolve) => child.once('close', resolve))).toBe(0);
    await tail.finish();
    expect(total).toBe(32 * MiB);
    // When the writer was done, the reader had handled all but what the worker may hold (64 pieces, its
    // buffer and the pipe's); without the limit the writer is done long before (the reader takes 320 ms).
    const writerDone = Number(stderr);
    const handledThen = Math.max(0, ...handled.filter((h) => h.at <= writerDone).map((h) => h.total));
    expect(32 * MiB - handledThen).toBeLessThanOrEqual(8 * MiB);
  });

  it('finishes at once when the writer never wrote', async () => {
    dir = await mkdtemp(join(tmpdir(), 'goleak-run-fifo-'));
    const fifo = openFifoStream(join(dir, 'stream.jsonl'));
    if (!fifo) throw new Error('mkfifo is missing');
    const seen: string[] = [];
    const tail = fifo.follow((text) => seen.push(text));
    expect(await writer(fifo.writeFd, '')).toBe(0);
    await tail.finish();
    expect(seen).toEqual([]);
  });

  it('is undefined where no pipe can be made, so the caller falls back to a file', () => {
    expect(openFifoStream(join(tmpdir(), 'goleak-run-no-such-dir', 'x', 'stream.jsonl'))).toBeUndefined();
  });
});

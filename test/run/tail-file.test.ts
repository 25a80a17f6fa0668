// tailFile follows a file while another writer appends to it, as go test writes its stream.
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tailFile } from '../../src/run/tail-file.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('tailFile', () => {
  it('reads what is appended while it follows, in order, and the rest on finish', async () => {
    dir = await mkdtemp(join(tmpdir(), 'goleak-run-tail-'));
    const path = join(dir, 'stream.jsonl');
    await writeFile(path, 'first\n');
    const seen: string[] = [];
    const tail = await tailFile(path, (text) => seen.push(text));
    const pieces = ['a', 'b\nc', 'd\n'];
    for (const piece of pieces) {
      await appendFile(path, piece);
      await new Promise((r) => setTimeout(r, 15));
    }
    // A multi-byte character split across two writes stays whole.
    const euro = Buffer.from('€\n');
    await appendFile(path, euro.subarray(0, 1));
    await appendFile(path, euro.subarray(1));
    await tail.finish();
    expect(seen.join('')).toBe('first\nab\ncd\n€\n');
    expect(seen.length).toBeGreaterThan(1);
  });

  it('gives everything written before finish even when the writer was done before it looked', async () => {
    dir = await mkdtemp(join(tmpdir(), 'goleak-run-tail-'));
    const path = join(dir, 'stream.jsonl');
    const text = 'x'.repeat(3 << 20);
    await writeFile(path, text);
    const seen: string[] = [];
    const tail = await tailFile(path, (t) => seen.push(t));
    await tail.finish();
    expect(seen.join('')).toBe(text);
  });
});

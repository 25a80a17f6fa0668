import { describe, expect, it } from 'vitest';
import { confirmResolution, heldWriter, settleWarmStart } from '../../src/app/warm-start.js';
import { ResolveError } from '../../src/errors.js';
import type { Resolution } from '../../src/resolve/resolve-packages.js';

const resolution = (names: string[]): Resolution => ({
  module: { path: 'example.com/m', dir: '/m', goVersion: 'go1.26.0' },
  goRoot: '/go',
  packages: names.map((n) => ({
    importPath: `example.com/m/${n}`,
    dir: `/m/${n}`,
    name: n,
    goFiles: [`${n}.go`],
    testGoFiles: [`${n}_test.go`],
    xTestGoFiles: [],
    noTestFiles: false,
  })),
  setupFailures: [],
});

describe('confirmResolution', () => {
  it('tells the same resolution, another one, and a failure of go list apart', async () => {
    const saved = resolution(['a', 'b']);
    expect(await confirmResolution(Promise.resolve(resolution(['a', 'b'])), saved)).toEqual({ kind: 'same' });
    const fresh = resolution(['a', 'b', 'c']);
    expect(await confirmResolution(Promise.resolve(fresh), saved)).toEqual({ kind: 'changed', fresh });
    const moved = { ...resolution(['a', 'b']), goRoot: '/other/go' };
    expect((await confirmResolution(Promise.resolve(moved), saved)).kind).toBe('changed');
    const error = new ResolveError('expected go list to resolve ./..., found: go.mod malformed');
    expect(await confirmResolution(Promise.reject(error), saved)).toEqual({ kind: 'failed', error });
  });
});

describe('settleWarmStart', () => {
  it('lets a confirmed run go on, and stops one go list contradicts before handing back why', async () => {
    const events: string[] = [];
    const stop = async () => {
      events.push('stop');
    };
    expect(await settleWarmStart(undefined, Promise.resolve(1), stop)).toBeUndefined();
    expect(await settleWarmStart(Promise.resolve({ kind: 'same' }), Promise.resolve(1), stop)).toBeUndefined();
    expect(events).toEqual([]);
    const fresh = resolution(['c']);
    let finish: (value: number) => void = () => undefined;
    const running = new Promise<number>((resolve) => {
      finish = resolve;
    });
    const dropping = settleWarmStart(Promise.resolve({ kind: 'changed', fresh }), running, async () => {
      events.push('stop');
      finish(0);
    });
    expect(await dropping).toEqual({ kind: 'changed', fresh });
    expect(events).toEqual(['stop']);
  });

  it('waits for the stopped run even when it failed, and does not leave its failure unhandled', async () => {
    const failed = Promise.reject(new Error('go test did not start'));
    const error = new ResolveError('no');
    const result = await settleWarmStart(Promise.resolve({ kind: 'failed', error }), failed, async () => undefined);
    expect(result).toEqual({ kind: 'failed', error });
  });
});

describe('heldWriter', () => {
  it('holds text until released, then writes through', () => {
    const out: string[] = [];
    const held = heldWriter({ write: (t) => out.push(t) });
    held.write('a\n');
    held.write('b\n');
    expect(out).toEqual([]);
    held.release();
    expect(out).toEqual(['a\nb\n']);
    held.write('c\n');
    expect(out).toEqual(['a\nb\n', 'c\n']);
  });
});

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Resolution } from '../../src/resolve/resolve-packages.js';
import { fingerprintHolds, takeFingerprint } from '../../src/resolve/tree-fingerprint.js';
import { isRelativeDirectoryPattern, warmResolutionCache } from '../../src/resolve/warm-resolution.js';
import { tempDir } from '../e2e/run-cli.js';

let root: { path: string; remove: () => void };
let tree: string;
const env = { PATH: '/usr/bin', HOME: '/home/u', GOENV: '/nonexistent/go-env' };

const write = (rel: string, text = 'package p\n') => {
  mkdirSync(join(tree, rel, '..'), { recursive: true });
  writeFileSync(join(tree, rel), text);
};

beforeEach(() => {
  root = tempDir('goleak-run-warm-');
  tree = join(root.path, 'mod');
  write('go.mod', 'module example.com/m\n');
  write('a/a.go');
  write('a/a_test.go');
  write('lib/deep/b/b.go');
  write('a/testdata/x.go');
  write('.git/objects/x.go');
  write('nested/go.mod', 'module example.com/nested\n');
  write('nested/n/n.go');
});
afterEach(() => root.remove());

const take = () => {
  const fp = takeFingerprint({ cwd: tree, goRoot: join(root.path, 'goroot'), env, platform: 'linux' });
  if (!fp) throw new Error('no fingerprint');
  return fp;
};

describe('takeFingerprint', () => {
  it('holds while nothing changes, and watches what go list reads, not what it skips', () => {
    const fp = take();
    expect(fingerprintHolds(fp)).toBe(true);
    const paths = Object.keys(fp).map((p) => p.replace(root.path, ''));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/mod',
        '/mod/a',
        '/mod/a/a.go',
        '/mod/a/a_test.go',
        '/mod/lib/deep',
        '/mod/lib/deep/b/b.go',
      ]),
    );
    // go.work above the module changes everything; the go env -w file and the toolchain too.
    expect(paths).toEqual(
      expect.arrayContaining(['/go.work', '/mod/go.sum', '/nonexistent/go-env', '/goroot/VERSION']),
    );
    expect(fp[join(root.path, 'go.work')]).toBe('-');
    // Skipped by ./...: testdata, dot directories, and the packages of a nested module (not its go.mod).
    expect(paths).not.toContain('/mod/a/testdata');
    expect(paths).not.toContain('/mod/.git/objects/x.go');
    expect(paths).toContain('/mod/nested/go.mod');
    expect(paths).not.toContain('/mod/nested/n/n.go');
  });

  it('still holds after a test wrote files beside the code, or touched a directory', () => {
    const fp = take();
    writeFileSync(join(tree, 'a', 'out.log'), 'written by a test');
    writeFileSync(join(tree, 'coverage.out'), 'mode: set\n');
    utimesSync(join(tree, 'lib'), 0, 0);
    expect(fingerprintHolds(fp)).toBe(true);
  });

  it.each([
    ['a new directory, empty yet', () => mkdirSync(join(tree, 'lib', 'next'))],
    ['an edited .go file', () => writeFileSync(join(tree, 'a/a.go'), 'package q\n')],
    ['a new package deep in the tree', () => write('lib/deep/c/c.go')],
    ['a removed test file', () => rmSync(join(tree, 'a/a_test.go'))],
    ['a renamed directory', () => renameSync(join(tree, 'lib/deep/b'), join(tree, 'lib/deep/b2'))],
    ['a go.work created above the module', () => writeFileSync(join(root.path, 'go.work'), 'go 1.22\n')],
    ['a nested module that became part of this one', () => rmSync(join(tree, 'nested/go.mod'))],
    [
      'a file given back its old modification time',
      () => {
        writeFileSync(join(tree, 'a/a.go'), 'package p\n');
        utimesSync(join(tree, 'a/a.go'), 0, 0);
      },
    ],
  ])('stops holding after %s', (_, change) => {
    const fp = take();
    change();
    expect(fingerprintHolds(fp)).toBe(false);
  });
});

const resolution = (): Resolution => ({
  module: { path: 'example.com/m', dir: tree, goVersion: 'go1.26.0' },
  goRoot: join(root.path, 'goroot'),
  packages: [
    {
      importPath: 'example.com/m/a',
      dir: join(tree, 'a'),
      name: 'p',
      goFiles: ['a.go'],
      testGoFiles: ['a_test.go'],
      xTestGoFiles: [],
      noTestFiles: false,
    },
  ],
  setupFailures: [],
});

describe('warmResolutionCache', () => {
  const open = (over: Partial<Parameters<typeof warmResolutionCache>[0]> = {}) =>
    warmResolutionCache({
      cacheDir: join(root.path, 'cache'),
      cwd: tree,
      patterns: ['./...'],
      buildFlags: [],
      env,
      platform: 'linux',
      version: '1.0.0',
      ...over,
    });

  it('gives back a saved resolution while the tree is unchanged, and nothing once it changed', () => {
    expect(open()?.read()).toBeUndefined();
    open()?.save(resolution());
    expect(open()?.read()).toEqual(resolution());
    // Written whole and renamed into place: no temp file is left beside it.
    const [entry] = readdirSync(join(root.path, 'cache'));
    expect(readdirSync(join(root.path, 'cache', entry!))).toEqual(['resolution.json']);
    write('a/more_test.go');
    expect(open()?.read()).toBeUndefined();
  });

  it('keys the entry by patterns, build flags, the Go environment and the tool version', () => {
    open()?.save(resolution());
    expect(open({ patterns: ['./a/...'] })?.read()).toBeUndefined();
    expect(open({ buildFlags: ['-tags=x'] })?.read()).toBeUndefined();
    expect(open({ env: { ...env, GOFLAGS: '-mod=vendor' } })?.read()).toBeUndefined();
    expect(open({ env: { ...env, CGO_ENABLED: '0' } })?.read()).toBeUndefined();
    expect(open({ version: '1.0.1' })?.read()).toBeUndefined();
    // A variable go list never reads is not part of the key.
    expect(open({ env: { ...env, CI_JOB_ID: '42' } })?.read()).toEqual(resolution());
  });

  it('reads a cut-short or hand-edited entry as none', () => {
    open()?.save(resolution());
    const [entry] = readdirSync(join(root.path, 'cache'));
    const file = join(root.path, 'cache', entry!, 'resolution.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify(saved).slice(0, 100));
    expect(open()?.read()).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...saved, resolution: { ...saved.resolution, packages: [{ dir: 1 }] } }));
    expect(open()?.read()).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...saved, format: 0 }));
    expect(open()?.read()).toBeUndefined();
  });

  it('has no entry for patterns a tree cannot vouch for', () => {
    for (const patterns of [['example.com/m/...'], ['all'], ['../other/...'], ['./a/../..'], ['/abs/path']]) {
      expect(open({ patterns })).toBeUndefined();
    }
    expect(['.', './...', './a', './a/...', './a/.../b'].every(isRelativeDirectoryPattern)).toBe(true);
  });

  it('saves nothing when the cache directory cannot be written, and does not throw', () => {
    writeFileSync(join(root.path, 'cache'), 'a file where the directory should be');
    expect(() => open()?.save(resolution())).not.toThrow();
    expect(open()?.read()).toBeUndefined();
  });
});

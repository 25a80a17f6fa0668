import { describe, expect, it } from 'vitest';
import {
  checkGoEnv,
  parseGoVersion,
  setupFailures,
  splitJsonObjects,
  toResolvedPackages,
} from '../../src/resolve/go-list-parse.js';
import { ResolveError, ToolchainError } from '../../src/errors.js';

describe('go list parsing', () => {
  it('splits concatenated objects as go list prints them', () => {
    const text = '{\n\t"ImportPath": "a",\n\t"Dir": "/m/a"\n}\n{\n\t"ImportPath": "b}",\n\t"Dir": "/m/b"\n}\n';
    expect(splitJsonObjects(text)).toEqual([
      { ImportPath: 'a', Dir: '/m/a' },
      { ImportPath: 'b}', Dir: '/m/b' },
    ]);
  });

  it('parses Go versions', () => {
    expect(parseGoVersion('go1.26.8')).toEqual({ major: 1, minor: 26 });
    expect(parseGoVersion('go1.27rc1')).toEqual({ major: 1, minor: 27 });
    expect(parseGoVersion('devel')).toBeUndefined();
  });

  it('refuses a Go that is too old and a directory outside a module', () => {
    expect(() => checkGoEnv('{"GOVERSION":"go1.23.12","GOMOD":"/m/go.mod"}', '/m')).toThrow(ToolchainError);
    expect(() => checkGoEnv('{"GOVERSION":"go1.23.12","GOMOD":"/m/go.mod"}', '/m')).toThrow(
      'expected Go 1.24 or newer, found go1.23.12',
    );
    expect(() => checkGoEnv('{"GOVERSION":"go1.24.0","GOMOD":"/m/go.mod"}', '/m')).not.toThrow();
    expect(() => checkGoEnv('{"GOVERSION":"go1.26.8","GOMOD":"/dev/null"}', '/tmp')).toThrow(
      'expected a directory inside a Go module or workspace (a go.mod or go.work above it), found none at /tmp',
    );
  });

  it('marks packages without test files and keeps test file lists', () => {
    const pkgs = toResolvedPackages(
      [
        { ImportPath: 'm/a', Dir: '/m/a', Name: 'a', GoFiles: ['a.go'], TestGoFiles: ['a_test.go'] },
        { ImportPath: 'm/b', Dir: '/m/b', Name: 'b', GoFiles: ['b.go'] },
      ],
      '',
    );
    expect(pkgs.map((p) => [p.importPath, p.noTestFiles])).toEqual([
      ['m/a', false],
      ['m/b', true],
    ]);
  });

  it('names the pattern that matched nothing or does not exist', () => {
    expect(() => toResolvedPackages([], 'go: warning: "./empty/..." matched no packages\n')).toThrow(
      new ResolveError('expected pattern ./empty/... to match packages, found none'),
    );
    expect(() =>
      toResolvedPackages([{ ImportPath: './nope', Error: { Err: 'stat /m/nope: directory not found' } }], ''),
    ).toThrow(
      'expected package pattern ./nope to name packages in this module, found: stat /m/nope: directory not found',
    );
  });

  it('finds the directories go test fails as [setup failed]: no Go files, or all excluded by build tags', () => {
    const entries = [
      { ImportPath: './empty', Dir: '/m/empty', Error: { Err: 'no Go files in /m/empty' } },
      {
        ImportPath: 'm/tagged',
        Dir: '/m/tagged',
        Error: { Err: 'build constraints exclude all Go files in /m/tagged' },
      },
      {
        ImportPath: 'm/broken',
        Dir: '/m/broken',
        GoFiles: ['b.go'],
        Error: { Err: 'm/broken/b.go:1:1: expected package' },
      },
      { ImportPath: 'm/ok', Dir: '/m/ok', GoFiles: ['ok.go'] },
    ];
    expect(setupFailures(entries)).toEqual([
      { importPath: './empty', error: 'no Go files in /m/empty' },
      { importPath: 'm/tagged', error: 'build constraints exclude all Go files in /m/tagged' },
    ]);
  });
});

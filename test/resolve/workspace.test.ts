// A go.work root without a go.mod: relative patterns outside every module mean the modules under them.
import { describe, expect, it } from 'vitest';
import { checkGoEnv } from '../../src/resolve/go-list-parse.js';
import { expandWorkspacePatterns, workspaceModules, workspacePath } from '../../src/resolve/workspace.js';

const modules = [
  { path: 'example.com/ws/api', dir: '/ws/api' },
  { path: 'example.com/ws/worker', dir: '/ws/services/worker' },
  { path: 'example.com/tools', dir: '/tools' },
];

describe('expandWorkspacePatterns', () => {
  it('reads ./... at the root as every workspace module under it', () => {
    expect(expandWorkspacePatterns(['./...'], '/ws', modules)).toEqual(['./api/...', './services/worker/...']);
  });

  it('leaves patterns inside a module, import paths and patterns matching no module as they are', () => {
    expect(expandWorkspacePatterns(['./api/...', './api', 'example.com/ws/...', './docs/...'], '/ws', modules)).toEqual(
      ['./api/...', './api', 'example.com/ws/...', './docs/...'],
    );
  });

  it('expands a directory between the root and the modules, and one above the cwd', () => {
    expect(expandWorkspacePatterns(['./services/...'], '/ws', modules)).toEqual(['./services/worker/...']);
    expect(expandWorkspacePatterns(['../...'], '/ws/docs', modules)).toEqual(['../api/...', '../services/worker/...']);
  });
});

describe('workspace facts', () => {
  it('names the workspace by the import path its modules share, else by its directory', () => {
    expect(workspacePath(modules.slice(0, 2), '/ws')).toBe('example.com/ws');
    expect(workspacePath(modules, '/ws')).toBe('example.com');
    expect(
      workspacePath(
        [
          { path: 'a/x', dir: '/w/x' },
          { path: 'b/y', dir: '/w/y' },
        ],
        '/w',
      ),
    ).toBe('w');
    expect(workspacePath([modules[0]!], '/ws')).toBe('example.com/ws/api');
  });

  it('reads go list -m -json entries', () => {
    expect(workspaceModules([{ Path: 'a', Dir: '/a' }, { Path: 'b' }])).toEqual([{ path: 'a', dir: '/a' }]);
  });

  it('takes a go.work root without a go.mod for a workspace, and GOWORK=off for no module', () => {
    const env = (gowork: string) =>
      JSON.stringify({ GOVERSION: 'go1.26.8', GOMOD: '/dev/null', GOROOT: '/go', GOWORK: gowork });
    expect(checkGoEnv(env('/ws/go.work'), '/ws')).toEqual({
      goVersion: 'go1.26.8',
      goMod: '',
      goRoot: '/go',
      goWork: '/ws/go.work',
    });
    expect(() => checkGoEnv(env('off'), '/ws')).toThrow(/expected a directory inside a Go module or workspace/);
    expect(() => checkGoEnv(env(''), '/ws')).toThrow(/expected a directory inside a Go module or workspace/);
  });
});

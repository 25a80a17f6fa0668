// The package as a user gets it: `npm pack` of the built tree, installed into an empty directory,
// its bin run on fixtures/demo. Also what the registry shows: the tarball's files and the README's links.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, gitStatus, repoRoot, tempDir } from './run-cli.js';

const work = tempDir('goleak-run-pack-');
let tarball: string;
let files: string[];
let manifest: Record<string, any>;

beforeAll(async () => {
  // --ignore-scripts: `npm test` built dist/ already; prepack would rebuild it under the other tests' feet.
  const packed = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work.path], {
    cwd: repoRoot,
  });
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work.path, info!.filename);
  files = info!.files.map((f) => f.path);
  manifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
});
afterAll(() => work.remove());

describe('the packed tarball', () => {
  it("ships the bundle, the templates, the license and the bundled packages' licenses, and no source maps", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/bin/goleak-run.js',
        'dist/bin/THIRD-PARTY-LICENSES.txt',
        'templates/check.go.tmpl',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('fixtures/'))).toEqual([]);
  });

  it('has no install-time scripts and no dependencies to fetch', () => {
    const scripts = Object.keys(manifest.scripts ?? {});
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts).not.toContain(hook);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'goleak-run': 'dist/bin/goleak-run.js' });
  });

  it('installs into an empty directory and its bin finds the demo leaks', async () => {
    const app = join(work.path, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const installed = await execa('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], {
      cwd: app,
      reject: false,
    });
    expect(installed.exitCode, installed.stderr).toBe(0);
    expect(installed.stderr).not.toMatch(/install-scripts|deprecated/);
    const bin = join(app, 'node_modules', '.bin', 'goleak-run');
    const version = await execa(bin, ['--version'], { cwd: app });
    expect(version.stdout.trim()).toBe(manifest.version);
    const demo = fixture('demo');
    const run = await execa(bin, ['-C', demo, '--max-wait', '500ms'], {
      cwd: app,
      reject: false,
      env: { CI: 'true', NO_COLOR: '1', GITHUB_ACTIONS: '' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^LEAK {2}example\.com\/demo\/notify/m);
    expect(run.stdout).toMatch(/^goleak-run: FAIL 4 packages: 1 passed, 2 leaked \(5 goroutines in 2 findings\)/m);
    expect(gitStatus(demo)).toBe('');
  });
});

describe('the README, as the registry page shows it', () => {
  it('links only to absolute URLs or to its own headings', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !/^(https?:\/\/|#)/.test(t))).toEqual([]);
  });

  it('never has a newcomer fetch the unpublished name from the registry in a command', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    expect(commands).toContain('npm install -g ./tools/goleak-run-0.1.0.tgz');
    expect(commands).not.toMatch(
      /npx (--yes|-y) goleak-run|npm (install|i|add)( -[gD]| --save-dev| --global)* goleak-run\b/,
    );
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapOverlayPaths } from '../../src/overlay/index.js';
import { type GoTestRun, goTestWithOverlay, listPackages, overlayFor } from './go-run.js';

describe('mapOverlayPaths', () => {
  const temps = { '/tmp/gr/0/a_test.go': '/work/m/a/a_test.go', '/tmp/gr/10/a_test.go': '/work/m/b/a_test.go' };

  it('maps relative and absolute temp paths to the path Go shows for the user file', () => {
    const text = '../../tmp/gr/0/a_test.go:5:2: x\n/tmp/gr/10/a_test.go:7:1: y\n';
    expect(mapOverlayPaths(text, temps, '/work/m')).toBe('a/a_test.go:5:2: x\nb/a_test.go:7:1: y\n');
    expect(mapOverlayPaths('../../../tmp/gr/0/a_test.go:5:2: x', temps, '/work/m/a')).toBe('./a_test.go:5:2: x');
  });

  it('shows a user file outside the working directory by its absolute path', () => {
    expect(mapOverlayPaths('/tmp/gr/0/a_test.go:1:1: z', temps, '/work/m/b')).toBe('/work/m/a/a_test.go:1:1: z');
  });

  it('leaves other paths alone, including longer ones that contain a temp path', () => {
    const text = '/tmp/gr/0/a_test.go.orig:1 /x/tmp/gr/0/a_test.go:2 ./a.go:3';
    expect(mapOverlayPaths(text, temps, '/work/m')).toBe(text);
  });
});

// The real thing: what Go prints for a broken, overlaid package, mapped back, must
// read exactly as what Go prints for the same package without the overlay.
describe('mapOverlayPaths on real go test output', () => {
  let moduleDir = '';
  beforeAll(async () => {
    moduleDir = await mkdtemp(join(tmpdir(), 'goleak-run-broken-'));
    const testMain = 'func TestMain(m *testing.M) {\n\tos.Exit(m.Run())\n}\n';
    const files: Record<string, string> = {
      'go.mod': 'module example.com/broken\n\ngo 1.22\n',
      'buildbad/main_test.go': `package buildbad\n\nimport (\n\t"os"\n\t"testing"\n)\n\nfunc TestX(t *testing.T) { x := 1 }\n\n${testMain}`,
      'vetbad/main_test.go': `package vetbad\n\nimport (\n\t"os"\n\t"testing"\n)\n\nfunc TestX(t *testing.T) { t.Errorf("%d") }\n\n${testMain}`,
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(join(moduleDir, name, '..'), { recursive: true });
      await writeFile(join(moduleDir, name), content);
    }
  });
  afterAll(async () => {
    await rm(moduleDir, { recursive: true, force: true });
  });

  const buildOutput = (run: GoTestRun): string =>
    run.events
      .filter((e) => e.Action === 'build-output')
      .map((e) => e.Output)
      .join('');

  it.each(['.', 'vetbad'])('reports compile and vet errors at the user file (cwd %s)', async (sub) => {
    const cwd = join(moduleDir, sub);
    const args = sub === '.' ? ['./...'] : ['.'];
    const pkgs = await listPackages(cwd, args);
    const overlay = await overlayFor(pkgs, { maxWaitMs: 0 });
    try {
      expect(overlay.plans.every((p) => p.notes[0]?.startsWith('TestMain wrapped'))).toBe(true);
      const withOverlay = buildOutput(await goTestWithOverlay(cwd, overlay.written.overlayFile, args));
      const plain = buildOutput(await execaGoTest(cwd, args));
      expect(withOverlay).toContain(overlay.tmpDir.split('/').at(-1));
      expect(mapOverlayPaths(withOverlay, overlay.written.tempToOriginal, cwd)).toBe(plain);
      if (sub === '.') {
        expect(plain).toContain('buildbad/main_test.go:8:28: declared and not used: x');
        expect(plain).toContain(
          'vetbad/main_test.go:8:38: (*testing.common).Errorf format %d reads arg #1, but call has 0 args',
        );
      } else {
        expect(plain).toContain(
          './main_test.go:8:38: (*testing.common).Errorf format %d reads arg #1, but call has 0 args',
        );
      }
    } finally {
      await overlay.cleanup();
    }
  });
});

async function execaGoTest(cwd: string, args: string[]): Promise<GoTestRun> {
  const r = await execa('go', ['test', '-json', ...args], { cwd, reject: false, env: { GOWORK: 'off', GOFLAGS: '' } });
  const events = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as GoTestRun['events'][number]);
  return { exitCode: r.exitCode ?? -1, events, stderr: r.stderr };
}

// Exit codes and exit paths through the wrapped TestMain, on temp copies of
// fixtures/testmain packages with a failing or exiting test added.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  goTestWithOverlay,
  type GoTestRun,
  listPackages,
  overlayFor,
  packageAction,
  packageOutput,
  testmainModule,
} from './go-run.js';
import { findMarkers, markerMentions } from './markers.js';

let moduleDir = '';
let overlay: Awaited<ReturnType<typeof overlayFor>>;
let run: GoTestRun;

beforeAll(async () => {
  moduleDir = await mkdtemp(join(tmpdir(), 'goleak-run-exits-'));
  await writeFile(join(moduleDir, 'go.mod'), 'module example.com/exits\n\ngo 1.22\n');
  const copies: [string, string, string][] = [
    [
      'returnOnly',
      'returnfails',
      'package returnonly\n\nimport "testing"\n\nfunc TestFails(t *testing.T) { t.Fatal("deliberate") }\n',
    ],
    [
      'exitRun',
      'exitfails',
      'package exitrun\n\nimport "testing"\n\nfunc TestFails(t *testing.T) { t.Fatal("deliberate") }\n',
    ],
    [
      'exitRun',
      'exitintest',
      'package exitrun\n\nimport (\n\t"os"\n\t"testing"\n)\n\nfunc TestZExits(t *testing.T) { os.Exit(3) }\n',
    ],
  ];
  for (const [from, to, extra] of copies) {
    await cp(join(testmainModule, from), join(moduleDir, to), { recursive: true });
    await writeFile(join(moduleDir, to, 'extra_test.go'), extra);
  }
  overlay = await overlayFor(await listPackages(moduleDir, ['./...']), { maxWaitMs: 100 });
  run = await goTestWithOverlay(moduleDir, overlay.written.overlayFile, ['./...']);
});

afterAll(async () => {
  await overlay?.cleanup();
  if (moduleDir) await rm(moduleDir, { recursive: true, force: true });
});

const output = (dir: string): string => packageOutput(run, `example.com/exits/${dir}`);

describe('exit paths of a wrapped TestMain', () => {
  it('keeps m.Run failure code when the user TestMain returns, and still checks', () => {
    expect(packageAction(run, 'example.com/exits/returnfails')).toBe('fail');
    expect(findMarkers(output('returnfails')).map((m) => m.kind)).toEqual(['leaked']);
  });

  it('keeps the code passed to os.Exit, and still checks', () => {
    expect(packageAction(run, 'example.com/exits/exitfails')).toBe('fail');
    expect(findMarkers(output('exitfails')).map((m) => m.kind)).toEqual(['leaked']);
  });

  it('exits at once, without a check, when a test goroutine calls os.Exit', () => {
    expect(packageAction(run, 'example.com/exits/exitintest')).toBe('fail');
    const all = run.events
      .filter((e) => e.Package === 'example.com/exits/exitintest' && e.Action === 'output')
      .map((e) => e.Output)
      .join('');
    expect(all).toContain('=== RUN   TestZExits\n');
    expect(run.events.filter((e) => e.Test === 'TestZExits').map((e) => e.Action)).toEqual(['run', 'output']);
    // The process is armed and TestLeaks leaked: a check would have printed a marker.
    expect(markerMentions(all)).toBe(0);
  });
});

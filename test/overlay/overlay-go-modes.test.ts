// The overlay under -race and under Go's test cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTestWithOverlay, listPackages, overlayFor, packageAction, packageOutput, testmainModule } from './go-run.js';
import { findMarkers } from './markers.js';

const dirs = ['clean', 'externalTestMain', 'returnOnly'];
const importPaths = dirs.map((d) => `example.com/testmain/${d}`);
let overlay: Awaited<ReturnType<typeof overlayFor>>;

beforeAll(async () => {
  // -race slows goroutine exits on a loaded machine (CI builds in parallel); 100ms proved too tight there.
  overlay = await overlayFor(
    await listPackages(
      testmainModule,
      dirs.map((d) => `./${d}`),
    ),
    { maxWaitMs: 1000 },
  );
});
afterAll(async () => {
  await overlay?.cleanup();
});

describe('the overlay with go test modes', () => {
  it('compiles and reports under -race', async () => {
    const run = await goTestWithOverlay(testmainModule, overlay.written.overlayFile, [
      '-race',
      ...dirs.map((d) => `./${d}`),
    ]);
    expect(run.events.filter((e) => e.Action === 'build-output')).toEqual([]);
    for (const p of importPaths) expect(packageAction(run, p)).toBe('pass');
    const clean = findMarkers(packageOutput(run, importPaths[0]!));
    expect(clean.map((m) => m.kind)).toEqual(['clean']);
    expect(clean[0]!.waited).toBeLessThan(1000);
    expect(findMarkers(packageOutput(run, importPaths[1]!)).map((m) => m.kind)).toEqual(['leaked']);
  });

  it('replays the same markers from the test cache', async () => {
    const args = dirs.map((d) => `./${d}`);
    const first = await goTestWithOverlay(testmainModule, overlay.written.overlayFile, args);
    const second = await goTestWithOverlay(testmainModule, overlay.written.overlayFile, args);
    for (const p of importPaths) {
      expect(packageOutput(second, p)).toMatch(/\(cached\)/);
      expect(findMarkers(packageOutput(second, p))).toEqual(findMarkers(packageOutput(first, p)));
      expect(findMarkers(packageOutput(second, p))).toHaveLength(1);
    }
  });
});

// Runs the real `go test -json -overlay` over fixtures/testmain, one package per
// TestMain shape, and checks what the injected check printed.
import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAKING_TESTMAIN_SHAPES } from '../support/testmain-shapes.js';
import type { ResolvedPackage } from '../../src/model.js';
import {
  type GoTestRun,
  goTestWithOverlay,
  listPackages,
  overlayFor,
  packageAction,
  packageOutput,
  testmainModule,
} from './go-run.js';
import { findMarkers, type Marker, markerMentions } from './markers.js';

const maxWaitMs = 300;
const fixtureStatus = async (): Promise<string> =>
  (await execa('git', ['status', '--porcelain', '--ignored', '.'], { cwd: testmainModule })).stdout;

let statusBefore = '';
let pkgs: ResolvedPackage[] = [];
let overlay: Awaited<ReturnType<typeof overlayFor>>;
let run: GoTestRun;

beforeAll(async () => {
  statusBefore = await fixtureStatus();
  pkgs = await listPackages(testmainModule, ['./...']);
  overlay = await overlayFor(pkgs, { maxWaitMs });
  run = await goTestWithOverlay(testmainModule, overlay.written.overlayFile, ['./...']);
});

afterAll(async () => {
  await overlay?.cleanup();
});

const ip = (dir: string): string => `example.com/testmain/${dir}`;
const output = (dir: string): string => packageOutput(run, ip(dir));
const markers = (dir: string): Marker[] => findMarkers(output(dir));
const onlyLeak = (dir: string): string => {
  const found = markers(dir);
  expect(found).toHaveLength(1);
  expect(found[0]!.kind).toBe('leaked');
  return found[0]!.kind === 'leaked' ? found[0]!.dump : '';
};

describe('the overlay on fixtures/testmain', () => {
  it('builds, vets and passes every package', () => {
    expect(run.stderr).toBe('');
    expect(run.events.filter((e) => e.Action === 'build-output')).toEqual([]);
    for (const p of pkgs) {
      expect([p.importPath, packageAction(run, p.importPath)]).toEqual([p.importPath, p.noTestFiles ? 'skip' : 'pass']);
    }
  });

  it.each(LEAKING_TESTMAIN_SHAPES)(
    '%s: reports the leaked goroutine after waiting the full max wait',
    (dir, leakFunc) => {
      const found = markers(dir);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'leaked' });
      expect(found[0]!.waited).toBeGreaterThanOrEqual(maxWaitMs);
      const dump = onlyLeak(dir);
      // The check's own goroutine is left out; the leak blocks on a channel.
      expect(dump).toMatch(/^goroutine \d+ \[chan receive\]:\n/);
      expect(dump).toMatch(new RegExp(`\\n${ip(dir).replace(/[.]/g, '\\.')}(_test)?\\.${leakFunc}\\(\\)\\n`));
      expect(dump).toContain('[originating from goroutine ');
      expect(markerMentions(output(dir))).toBe(1);
    },
  );

  it.each(['teardownAfterRun', 'returnOnly'])('%s: leaves out the goroutine the teardown stopped', (dir) => {
    // TestBackgroundRuns in the fixture fails unless that goroutine ran during the tests.
    const passed = run.events.find(
      (e) => e.Package === ip(dir) && e.Test === 'TestBackgroundRuns' && e.Action === 'pass',
    );
    expect(passed).toBeDefined();
    expect(onlyLeak(dir)).not.toContain('backgroundStoppedByTeardown');
  });

  it('clean: reports clean at once, without waiting out the max wait', () => {
    expect(markers('clean').map((m) => m.kind)).toEqual(['clean']);
    // The record follows PASS on its own line. A test goroutine that has just finished may need
    // a scheduler slice to exit, so the wait is a few milliseconds at most, far from maxWaitMs.
    expect(output('clean')).toMatch(/^PASS\ngoleak-run:v2 [0-9a-f]{64} \{.*\}\nok {2}\t?/m);
    expect(markers('clean')[0]).toMatchObject({ ignored: 0 });
    expect(markers('clean')[0]!.waited).toBeLessThan(maxWaitMs / 3);
  });

  it('subprocess: child test binaries print no marker, the parent one clean marker', () => {
    // Clean, not leaked: the check may give a just-finished test goroutine a millisecond to exit,
    // but never waits out maxWaitMs (a clean verdict is only reached before it).
    expect(markers('subprocess').map((m) => m.kind)).toEqual(['clean']);
    expect(markers('subprocess')[0]!.waited).toBeLessThan(maxWaitMs / 3);
    expect(markerMentions(output('subprocess'))).toBe(1);
  });

  it('logFatal: exiting through another package skips the check, and the plan knows where', () => {
    expect(markerMentions(output('logFatal'))).toBe(0);
    const plan = overlay.plans.find((p) => p.importPath === ip('logFatal'));
    expect(plan?.handoffs).toEqual([
      'logfatal_test.go:24: after m.Run() TestMain calls exitnow.Exit, which may exit the process before the check',
    ]);
  });

  it('replaces user files only by copies with the same lines count, each differing only inside lines', () => {
    const replaced = overlay.plans.flatMap((p) => p.files).filter((f) => existsSync(f.originalPath));
    expect(replaced.length).toBeGreaterThanOrEqual(10);
    for (const f of replaced) {
      const original = readFileSync(f.originalPath, 'utf8').split('\n');
      const copy = f.content.split('\n');
      expect([f.originalPath, copy.length]).toEqual([f.originalPath, original.length]);
      const changed = copy.filter((line, i) => line !== original[i]);
      expect(changed.filter((line) => !/goleakrun(Exit|Fatalf?|UserTestMain|Starting)\b/.test(line))).toEqual([]);
    }
  });

  it('leaves the fixture module exactly as it was', async () => {
    expect(await fixtureStatus()).toBe(statusBefore);
  });
});

import { describe, it, expect } from 'vitest';
import { attribute, type AttributionContext } from '../../src/classify/attribute.js';
import { ranTests } from '../../src/classify/ran-tests.js';
import { parseGoFile } from '../../src/go-source/go-functions.js';
import type { Goroutine } from '../../src/model.js';
import { loadDump, loadTestNames, readRecordedSource } from './support/parse-dump.js';

const goFile = (file: string) => {
  const text = readRecordedSource(file);
  return text === undefined ? undefined : parseGoFile(text);
};
const ctx: AttributionContext = {
  importPath: 'example.com/leaky/leaks',
  goFile,
  ran: ranTests(loadTestNames('leaks.txt')),
};
const leaks = loadDump('leaks.txt').goroutines;
const createdBy = (gs: Goroutine[], func: string): Goroutine => {
  const g = gs.find((x) => x.createdBy?.func === func);
  if (!g) throw new Error(`no goroutine created by ${func}`);
  return g;
};

describe('attribute over real goroutines', () => {
  it('names a subtest from its string literal, with Go’s rewriting', () => {
    expect(attribute(createdBy(leaks, 'example.com/leaky/leaks.TestSub.func1'), ctx)).toEqual({
      kind: 'test',
      test: 'TestSub',
      subtest: 'with_space',
    });
  });

  it('joins nested literal subtests with /', () => {
    expect(attribute(createdBy(leaks, 'example.com/leaky/leaks.TestSub.func2.1'), ctx)).toEqual({
      kind: 'test',
      test: 'TestSub',
      subtest: 'outer/inner#x',
    });
  });

  it('strips the _test package of an external test', () => {
    const g = leaks.find((x) =>
      x.ancestors.some((a) => a.frames.some((f) => f.func.endsWith('leaks_test.TestExternal'))),
    );
    expect(g && attribute(g, ctx)).toEqual({ kind: 'test', test: 'TestExternal' });
  });

  it('gives only the top-level test when the source cannot be read', () => {
    const g = createdBy(leaks, 'example.com/leaky/leaks.TestSub.func1');
    expect(attribute(g, { ...ctx, goFile: () => undefined })).toEqual({ kind: 'test', test: 'TestSub' });
  });

  it('gives no subtest name the run did not report', () => {
    const g = createdBy(leaks, 'example.com/leaky/leaks.TestSub.func1');
    expect(attribute(g, { ...ctx, ran: ranTests(['TestSub']) })).toEqual({ kind: 'test', test: 'TestSub' });
  });

  it('does not guess without ancestors', () => {
    const g = createdBy(leaks, 'example.com/leaky/leaks.TestTop');
    expect(attribute({ ...g, ancestors: [] }, ctx)).toEqual({ kind: 'unknown' });
  });

  it('still knows init and TestMain goroutines from their creator alone', () => {
    const init = createdBy(leaks, 'example.com/leaky/leaks.init.0');
    expect(attribute({ ...init, ancestors: [] }, ctx)).toEqual({ kind: 'package' });
    const setup = createdBy(leaks, 'example.com/leaky/leaks.TestMain');
    expect(attribute({ ...setup, ancestors: [] }, ctx)).toEqual({ kind: 'package' });
  });

  it('does not take a subtest for a top-level test when the chain is cut before the main goroutine', () => {
    const g = createdBy(leaks, 'example.com/leaky/leaks.TestSub.func1');
    expect(attribute({ ...g, ancestors: g.ancestors.slice(0, 1) }, ctx)).toEqual({ kind: 'unknown' });
  });

  it('attributes a goroutine started by a goroutine the test started', () => {
    expect(attribute(createdBy(leaks, 'example.com/leaky/leaks.TestNested.func1'), ctx)).toEqual({
      kind: 'test',
      test: 'TestNested',
    });
  });

  it('refuses a test frame that an inlined call took the place of (timeout-system.txt)', () => {
    // In this ancestor the frame above testing.tRunner prints as net/netip.MustParseAddr,
    // the call after signal.Notify, instead of TestSignalAndUnique.
    const loop = loadDump('timeout-system.txt').goroutines.find((g) =>
      g.frames.some((f) => f.func === 'os/signal.loop'),
    );
    const frames = loop?.ancestors[0]?.frames ?? [];
    const above = frames[frames.findIndex((f) => f.func === 'testing.tRunner') - 1]?.func;
    expect(above).toBe('net/netip.MustParseAddr');
    expect(loop && attribute(loop, { ...ctx, importPath: 'example.com/leaky/hang' })).toEqual({ kind: 'unknown' });
  });

  it('needs the test in the package under test', () => {
    const g = createdBy(leaks, 'example.com/leaky/leaks.TestTop');
    expect(attribute(g, { ...ctx, importPath: 'example.com/other' })).toEqual({ kind: 'unknown' });
  });
});

import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { HIDDEN_CHANNEL_OP } from '../../src/profile/blocking-op.js';
import { readProfile } from '../../src/profile/read-profile.js';
import type { GoroutineGroup } from '../../src/profile/profile-types.js';
import { recorded } from '../parse/recorded.js';
import { POOL, SEND, locationCounts, recordedProfile, tallyRecorded } from './recorded.js';

// The service recorded with 200 goroutines leaked at the send, 40 pool workers, 4 idle
// keep-alive connections (client and server side), the main goroutine in select {}.
describe('readProfile on the recorded service, every form', () => {
  it.each([
    ['service.pb.gz', 'pprof', 'chan send', 'chan receive'],
    ['service.pb', 'pprof', 'chan send', 'chan receive'],
    ['service-debug1.txt', 'debug=1', HIDDEN_CHANNEL_OP, HIDDEN_CHANNEL_OP],
    ['service-debug2.txt', 'debug=2', 'chan send', 'chan receive'],
    ['service-sigquit.txt', 'debug=2', 'chan send', 'chan receive'],
  ])('%s: the send, the pool and main are the only blocked user locations', (name, format, sendState, poolState) => {
    const t = tallyRecorded(name);
    expect(t.format).toBe(format);
    expect(t.kind).toBe('goroutine');
    const counts = locationCounts(t);
    expect(counts[SEND]).toBe(200);
    expect(counts[POOL]).toBe(40);
    // main's `select {}` is the only other one: idle connections and runtime workers are not blocked at user code.
    expect(Object.keys(counts).sort()).toEqual([SEND, POOL, expect.stringMatching(/^main\.go:\d+ main\.main$/)].sort());
    const send = [...t.locations.values()].find((l) => l.function === 'main.startLookup.func1');
    expect([...(send?.states.keys() ?? [])]).toEqual([sendState]);
    const pool = [...t.locations.values()].find((l) => l.function === 'main.startPool.func1');
    expect([...(pool?.states.keys() ?? [])]).toEqual([poolState]);
    expect(t.ignored + t.notSuspect + 241).toBe(t.goroutines);
    expect(t.notSuspect).toBeGreaterThanOrEqual(8); // 4 server conns, 4 client readLoops (+ writeLoops), accept loop
  });

  it('keeps the stack from the user frame on, and its creator where the form has one', () => {
    const t = tallyRecorded('service-debug2.txt');
    const send = [...t.locations.values()].find((l) => l.function === 'main.startLookup.func1');
    expect(send?.stack.map((f) => f.func)).toEqual(['main.startLookup.func1']);
    expect(send?.createdBy).toMatchObject({ func: 'main.startLookup', file: '/home/gopher/profile-service/main.go' });
    const pb = [...tallyRecorded('service.pb.gz').locations.values()].find(
      (l) => l.function === 'main.startLookup.func1',
    );
    // The protobuf keeps runtime frames; the shown stack starts past them.
    expect(pb?.stack[0]?.func).toBe('main.startLookup.func1');
    expect(pb?.createdBy).toBeUndefined();
  });

  it('skips what a SIGQUIT dump adds (registers) and a -timeout dump (test list, FAIL line), counting it', () => {
    const quit = tallyRecorded('service-sigquit.txt');
    expect(quit.warnings).toBeGreaterThan(0);
    const timeout = tallyRecorded('service-timeout.txt');
    // In a test binary, package main goes by its import path.
    expect(locationCounts(timeout)['main.go:80 example.com/profileservice.startLookup.func1']).toBe(30);
    expect(timeout.warnings).toBeGreaterThan(0);
  });

  it('reads Go 1.27 goroutineleak profiles (all proven) and dumps with (leaked) marks, built with -trimpath', () => {
    for (const name of ['go127-leak.pb.gz', 'go127-leak-debug1.txt']) {
      const t = tallyRecorded(name);
      expect(t.kind, name).toBe('goroutineleak');
      expect(locationCounts(t), name).toEqual({ [SEND]: 200 });
      expect([...t.locations.values()][0]?.proven, name).toBe(200);
      expect([...t.locations.values()][0]?.file, name).toBe('example.com/profileservice/main.go');
    }
    const marked = tallyRecorded('go127-debug2.txt');
    expect(marked.kind).toBe('goroutine');
    const byFunc = new Map([...marked.locations.values()].map((l) => [l.function, l]));
    expect(byFunc.get('main.startLookup.func1')?.proven).toBe(200);
    expect(byFunc.get('main.startPool.func1')).toMatchObject({ count: 40, proven: 0 });
  });

  it('reads the wait minutes of debug=2 headers', () => {
    const t = tallyProfileText(recorded('minutes.txt'));
    expect(Math.max(...[...t.values()].map((g) => g.waitMinutes ?? 0))).toBeGreaterThanOrEqual(1);
  });
});

describe('readProfile on what is not a goroutine profile', () => {
  const found = (bytes: Uint8Array): string => {
    const r = readProfile({ bytes }, () => undefined);
    return r.ok ? 'ok' : r.found;
  };

  it('says what it found instead', () => {
    expect(found(new Uint8Array(0))).toBe('an empty file');
    expect(found(Buffer.from('<!DOCTYPE html><html>sign in</html>'))).toBe('an HTML page');
    expect(found(Buffer.from('{"goroutines": 3}'))).toBe('JSON');
    expect(found(Buffer.from('hello\nworld\n'))).toBe('text without a goroutine header ("goroutine N [state]:")');
    expect(found(recordedProfile('service.pb.gz').subarray(0, 200))).toBe('a truncated or corrupt gzip stream');
    expect(found(Uint8Array.from([0xff, 0x00, 0x13, 0x88, 0x01, 0x02]))).toBe(
      'data that is neither a pprof protobuf nor a goroutine dump',
    );
    expect(found(gzipSync(heapProfile()))).toBe('a pprof profile of alloc_objects, alloc_space');
  });

  it('hands the buffer over: a text profile clears it once decoded', () => {
    const input: { bytes?: Uint8Array } = { bytes: recordedProfile('service-debug2.txt') };
    expect(readProfile(input, () => undefined).ok).toBe(true);
    expect(input.bytes).toBeUndefined();
  });
});

function tallyProfileText(text: string): GoroutineGroup[] {
  const groups: GoroutineGroup[] = [];
  const r = readProfile({ bytes: Buffer.from(text) }, (g) => groups.push(g));
  if (!r.ok) throw new Error(r.found);
  return groups;
}

// A real pprof protobuf of another kind, encoded by the library the command decodes with.
function heapProfile(): Uint8Array {
  const strings = new StringTable();
  const fn = new PFunction({ id: 1, name: strings.dedup('main.alloc'), filename: strings.dedup('main.go') });
  const p = new Profile({
    sampleType: [
      new ValueType({ type: strings.dedup('alloc_objects'), unit: strings.dedup('count') }),
      new ValueType({ type: strings.dedup('alloc_space'), unit: strings.dedup('bytes') }),
    ],
    function: [fn],
    location: [new Location({ id: 1, line: [new Line({ functionId: 1, line: 3 })] })],
    sample: [new Sample({ locationId: [1], value: [1, 64] })],
    stringTable: strings,
  });
  return p.encode();
}

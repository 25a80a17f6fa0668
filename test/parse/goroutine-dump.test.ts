import { describe, it, expect } from 'vitest';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import type { Dump, Goroutine } from '../../src/model.js';
import { recorded } from './recorded.js';

const SRC = '/home/gopher/dumps';

function byId(dump: Dump, id: number): Goroutine {
  const g = dump.goroutines.find((x) => x.id === id);
  if (!g) throw new Error(`goroutine ${id} not in dump`);
  return g;
}

describe('parseDump on recorded dumps', () => {
  it('states.txt: every wait reason, method, generic, closure and panic frames', () => {
    const dump = parseDump(recorded('states.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state])).toEqual([
      [1, 'running'],
      [5, 'chan receive'],
      [6, 'chan send'],
      [7, 'select'],
      [8, 'select (no cases)'],
      [9, 'chan receive (nil chan)'],
      [10, 'chan send (nil chan)'],
      [11, 'sync.WaitGroup.Wait'],
      [12, 'sync.Mutex.Lock'],
      [13, 'sync.RWMutex.RLock'],
      [14, 'sync.RWMutex.Lock'],
      [15, 'sync.Cond.Wait'],
      [16, 'sleep'],
      [34, 'IO wait'],
      [35, 'syscall'],
      [36, 'chan receive'],
      [37, 'chan receive'],
      [38, 'runnable'],
    ]);
    expect(byId(dump, 1)).toEqual({
      id: 1,
      state: 'running',
      lockedToThread: false,
      durable: false,
      leakedByGc: false,
      labels: {},
      frames: [{ func: 'main.main', args: '', file: `${SRC}/cmd/states/main.go`, line: 106 }],
      framesElided: 0,
      ancestors: [],
    });
    const serve = byId(dump, 5);
    expect(serve.frames).toEqual([
      { func: 'main.(*Server).serve', args: '...', file: `${SRC}/cmd/states/main.go`, line: 19 },
    ]);
    expect(serve.createdBy).toEqual({ func: 'main.main', goroutine: 1, file: `${SRC}/cmd/states/main.go`, line: 59 });
    expect(byId(dump, 7).frames[0]?.func).toBe('main.waitAny[...]');
    expect(byId(dump, 8).frames.map((f) => f.func)).toEqual(['main.main.func2.1', 'main.main.func2']);
    expect(byId(dump, 11).frames[1]).toMatchObject({
      func: 'sync.(*WaitGroup).Wait',
      file: '/usr/local/go/src/sync/waitgroup.go',
      line: 206,
    });
    // Heap addresses change with each regeneration; their shape does not.
    expect(byId(dump, 11).frames[1]?.args).toMatch(/^0x[0-9a-f]+$/);
    expect(byId(dump, 35).frames[1]?.args).toMatch(/^0x0\?, \{0x[0-9a-f]+\?, 0x0\?, 0x0\?\}$/);
    const locked = byId(dump, 36);
    expect(locked.lockedToThread).toBe(true);
    expect(locked.waitMinutes).toBeUndefined();
    expect(byId(dump, 37).frames.map((f) => f.func)).toEqual(['main.blockInDefer.func1', 'panic', 'main.blockInDefer']);
    expect(byId(dump, 37).frames[1]?.args).toBe('{0x4fa5e0?, 0x534d78?}');
    expect(dump.goroutines.filter((g) => g.lockedToThread).map((g) => g.id)).toEqual([36]);
  });

  it('minutes.txt: ", N minutes" alone and with "locked to thread"', () => {
    const dump = parseDump(recorded('minutes.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state, g.waitMinutes, g.lockedToThread])).toEqual([
      [1, 'running', undefined, false],
      [19, 'chan receive', 1, false],
      [20, 'chan send', 1, true],
    ]);
  });

  it('deep.txt: the middle of a 151-frame stack is elided, a 100-frame one is not', () => {
    const dump = parseDump(recorded('deep.txt'));
    expect(dump.warnings).toEqual([]);
    const [, deep, shallow] = dump.goroutines;
    expect(deep?.framesElided).toBe(51);
    expect(deep?.frames).toHaveLength(100);
    expect(deep?.frames[0]).toEqual({
      func: 'main.descend',
      args: '0x0?, 0x0?',
      file: `${SRC}/cmd/deep/main.go`,
      line: 14,
    });
    expect(deep?.frames[99]?.line).toBe(16);
    expect(deep?.createdBy).toEqual({ func: 'main.main', goroutine: 1, file: `${SRC}/cmd/deep/main.go`, line: 20 });
    expect(shallow?.framesElided).toBe(0);
    expect(shallow?.frames).toHaveLength(100);
  });

  it('Go 1.21 (the oldest a profiled service may run): same states and ancestor chains as Go 1.26', () => {
    const now = parseDump(recorded('states.txt'));
    const old = parseDump(recorded('states-go121.txt'));
    expect(old.warnings).toEqual([]);
    // Go 1.21 names a WaitGroup wait by the runtime call (semacquire); 1.22 and later by the API.
    expect(old.goroutines.map((g) => g.state)).toEqual(
      now.goroutines.map((g) => (g.state === 'sync.WaitGroup.Wait' ? 'semacquire' : g.state)),
    );
    // The runtime and sync frames on top differ between releases; the user's frames do not.
    const userFrame = (g: { frames: { func: string }[] }) => g.frames.find((f) => f.func.startsWith('main.'))?.func;
    expect(old.goroutines.map(userFrame)).toEqual(now.goroutines.map(userFrame));
    expect(old.goroutines.filter((g) => g.createdBy?.goroutine !== undefined).length).toBeGreaterThan(10);
    const ancestors = parseDump(recorded('ancestors-go121.txt'));
    expect(ancestors.warnings).toEqual([]);
    const worker = ancestors.goroutines.find((g) => g.frames[0]?.func === 'main.(*pool).worker');
    expect(worker?.ancestors.map((a) => a.frames[0]?.func)).toEqual(['main.(*pool).start', 'main.main']);
  });

  it('ancestors.txt: [originating from goroutine N] blocks, nested and cut at 50 frames', () => {
    const dump = parseDump(recorded('ancestors.txt'));
    expect(dump.warnings).toEqual([]);
    const worker = dump.goroutines.find((g) => g.frames[0]?.func === 'main.(*pool).worker');
    expect(worker?.createdBy).toMatchObject({ func: 'main.(*pool).start', goroutine: worker?.ancestors[0]?.goroutine });
    expect(worker?.ancestors).toHaveLength(2);
    const [parent, grandparent] = worker?.ancestors ?? [];
    expect(parent?.frames.map((f) => [f.func, f.args])).toEqual([
      ['main.(*pool).start', '...'],
      ['main.main.func1', '...'],
    ]);
    expect(parent?.createdBy).toEqual({ func: 'main.main', file: `${SRC}/cmd/ancestors/main.go`, line: 40 });
    expect(parent?.truncated).toBe(false);
    expect(grandparent).toEqual({
      goroutine: 1,
      frames: [{ func: 'main.main', args: '...', file: `${SRC}/cmd/ancestors/main.go`, line: 45 }],
      truncated: false,
    });
    const deep = dump.goroutines.find((g) => g.frames[0]?.func === 'main.spawnDeep.func1');
    expect(deep?.ancestors[0]?.truncated).toBe(true);
    // 50 return addresses were kept; the runtime hides two of them when printing.
    expect(deep?.ancestors[0]?.frames).toHaveLength(48);
    expect(deep?.ancestors[0]?.frames.every((f) => f.func === 'main.spawnDeep' && f.args === '...')).toBe(true);
    expect(deep?.ancestors[0]?.createdBy?.func).toBe('main.main');
    expect(deep?.ancestors[1]?.goroutine).toBe(1);
    expect(deep?.ancestors[1]?.truncated).toBe(false);
  });

  it('labels-go126.txt: labels:{…} inside the brackets, runtime quoting decoded', () => {
    const dump = parseDump(recorded('labels-go126.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.state, g.labels])).toEqual([
      ['running', {}],
      ['chan receive', { role: 'api/v1_x', worker: '7' }],
      ['chan receive', { note: 'a "b"\tc:d, e}]:', ünï: 'café ☕' }],
      ['chan receive', {}],
    ]);
  });

  it('labels-go127.txt: {…} after the brackets, bare and quoted tokens', () => {
    const dump = parseDump(recorded('labels-go127.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state, g.labels])).toEqual([
      [1, 'running', {}],
      [19, 'chan receive', { role: 'api/v1_x', worker: '7' }],
      [20, 'chan receive', { note: 'a "b"\tc:d, e}]:', ünï: 'café ☕' }],
      [21, 'chan receive', {}],
    ]);
    expect(dump.goroutines[2]?.frames[0]?.file).toBe(`${SRC}/cmd/labels/main.go`);
  });

  // cmd/oddlabels: every escape runtime.printquoted writes, from both label syntaxes.
  it.each(['oddlabels-go126.txt', 'oddlabels-go127.txt'])('%s: escaped labels decode to the values set', (name) => {
    const dump = parseDump(recorded(name));
    expect(dump.warnings).toEqual([]);
    const labels = dump.goroutines.map((g) => g.labels);
    expect(labels).toEqual([
      {},
      { bs: 'x\\y"z', ctl: '\x00\x01\x1f\x7f', nl: 'a\nb\r\tc' },
      // Invalid UTF-8 reads as U+FFFD per byte: Go 1.26 prints \ufffd, Go 1.27 the bytes as \xff.
      { '': '', astral: '\u{1f600}\u{10fffd}', bad: '\ufffd\ufffd ok' },
      { ['__proto__']: 'p', punct: '} ]: {a: b}, "c": d', 'x-1': '\\x-1' },
    ]);
    expect(Object.keys(labels[3] ?? {})).toEqual(['__proto__', 'punct', 'x-1']);
    expect(Object.getPrototypeOf(labels[3])).toBe(Object.prototype);
  });

  it('synctest.txt: "(durable)" folded into the flag, bubble ids', () => {
    const dump = parseDump(recorded('synctest.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state, g.durable, g.bubble])).toEqual([
      [21, 'running', false, 1],
      [1, 'chan receive', false, undefined],
      [19, 'synctest.Run', true, 1],
      [20, 'chan receive', true, 1],
      [22, 'chan receive', true, 1],
      [23, 'select', true, 1],
      [24, 'sleep', true, 1],
      [25, 'sync.Cond.Wait', true, 1],
    ]);
    expect(byId(dump, 21).createdBy).toMatchObject({ func: 'testing/synctest.testingSynctestTest', goroutine: 20 });
    expect(byId(dump, 1).frames.at(-1)).toEqual({ func: 'main.main', args: '', file: '_testmain.go', line: 46 });
  });

  it('leaked.txt: "(leaked)" from the goroutineleak profile', () => {
    const dump = parseDump(recorded('leaked.txt'));
    expect(dump.warnings).toEqual([]);
    expect(dump.goroutines.map((g) => [g.id, g.state, g.leakedByGc])).toEqual([
      [1, 'running', false],
      [19, 'chan send', true],
      [20, 'chan receive', false],
    ]);
    expect(byId(dump, 19).createdBy).toMatchObject({ func: 'main.leak', goroutine: 1 });
  });

  it('crash-all.txt: the panic line is a warning, the goroutines all parse', () => {
    const dump = parseDump(recorded('crash-all.txt'));
    expect(dump.warnings).toEqual([{ line: 1, text: 'panic: job failed', message: 'line outside a goroutine block' }]);
    expect(dump.goroutines.map((g) => [g.id, g.state])).toEqual([
      [7, 'running'],
      [1, 'sleep'],
      [6, 'chan receive'],
    ]);
    expect(byId(dump, 7).frames[0]).toEqual({
      func: 'main.job.run',
      args: '{0x0?}, 0x0?',
      file: `${SRC}/cmd/crash/main.go`,
      line: 15,
    });
  });

  it('crash-system.txt: gp=/m= in headers, fp=/sp=/pc= after locations, runtime frames', () => {
    const dump = parseDump(recorded('crash-system.txt'));
    expect(dump.warnings).toHaveLength(1);
    const first = dump.goroutines[0];
    expect(first?.id).toBe(7);
    expect(first?.state).toBe('running');
    expect(first?.frames[0]).toEqual({
      func: 'panic',
      args: '{0x48d140?, 0x4ab0c8?}',
      file: '/usr/local/go/src/runtime/panic.go',
      line: 879,
    });
    expect(first?.frames.at(-1)).toEqual({
      func: 'runtime.goexit',
      args: '{}',
      file: '/usr/local/go/src/runtime/asm_amd64.s',
      line: 1771,
    });
    const states = dump.goroutines.map((g) => g.state);
    expect(states).toContain('force gc (idle)');
    expect(states).toContain('GC sweep wait');
    const gopark = dump.goroutines.filter((g) => g.frames[0]?.func === 'runtime.gopark');
    expect(gopark.length).toBeGreaterThanOrEqual(3);
  });
});

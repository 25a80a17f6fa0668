import { describe, expect, it } from 'vitest';
import { isStdFrame, packagePath, userFrameIndex } from '../../src/profile/std-frames.js';

const std = (func: string, file: string): boolean => isStdFrame({ func, file, line: 1 }, new Map());

describe('isStdFrame', () => {
  it('tells GOROOT frames from the service', () => {
    expect(std('net/http.(*conn).serve', '/usr/local/go/src/net/http/server.go')).toBe(true);
    expect(std('sync.(*WaitGroup).Wait', '/usr/local/go/src/sync/waitgroup.go')).toBe(true);
    expect(std('internal/poll.(*FD).Read', '/opt/go/src/internal/poll/fd_unix.go')).toBe(true);
    expect(
      std(
        'vendor/golang.org/x/net/http2/hpack.(*Decoder).Write',
        '/usr/local/go/src/vendor/golang.org/x/net/http2/hpack/hpack.go',
      ),
    ).toBe(true);
    expect(std('main.startLookup.func1', '/home/gopher/profile-service/main.go')).toBe(false);
    expect(std('github.com/acme/queue.(*Q).Pop', '/go/pkg/mod/github.com/acme/queue@v1.2.0/queue.go')).toBe(false);
  });

  it('counts functions linknamed into the runtime as the standard library', () => {
    expect(std('sync.runtime_SemacquireMutex', '/usr/local/go/src/runtime/sema.go')).toBe(true);
    expect(std('internal/sync.runtime_SemacquireMutex', '/usr/local/go/src/runtime/sema.go')).toBe(true);
    expect(std('time.Sleep', '/usr/local/go/src/runtime/time.go')).toBe(true);
    expect(std('internal/poll.runtime_pollWait', '/usr/local/go/src/runtime/netpoll.go')).toBe(true);
  });

  it('handles -trimpath builds, dotless modules and generic names', () => {
    expect(std('net/http.(*persistConn).readLoop', 'net/http/transport.go')).toBe(true);
    expect(std('runtime.gopark', 'runtime/proc.go')).toBe(true);
    expect(std('main.main', 'example.com/profileservice/main.go')).toBe(false);
    // `module myservice` built in place: no /src/myservice/ in its path.
    expect(std('myservice/internal/queue.(*Q).Pop', '/home/dev/myservice/internal/queue/q.go')).toBe(false);
    expect(std('example.com/m.Map[go.shape.*example.com/m/x.T]', '/src/m/map.go')).toBe(false);
    expect(packagePath('example.com/m.Map[go.shape.*example.com/m/x.T]')).toBe('example.com/m');
    expect(packagePath('net/http.(*conn).serve')).toBe('net/http');
    expect(packagePath('main.pick[...]')).toBe('main');
  });

  it('finds the innermost user frame', () => {
    const frames = [
      { func: 'runtime.gopark', file: '/usr/local/go/src/runtime/proc.go', line: 1 },
      { func: 'sync.runtime_SemacquireWaitGroup', file: '/usr/local/go/src/runtime/sema.go', line: 2 },
      { func: 'sync.(*WaitGroup).Wait', file: '/usr/local/go/src/sync/waitgroup.go', line: 3 },
      { func: 'main.drain', file: '/srv/main.go', line: 4 },
    ];
    expect(userFrameIndex(frames, new Map())).toBe(3);
    expect(userFrameIndex(frames.slice(0, 3), new Map())).toBe(-1);
  });
});

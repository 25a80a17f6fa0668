// The findings of the sample report (sample-report.ts), each one reporter branch.
import type { Finding } from '../../src/model.js';

const GOROOT = '/usr/local/go/src';
const MODCACHE = '/home/dev/go/pkg/mod/golang.org/x/sync@v0.8.0';

/** A finding of the sample report (see sample-report.ts). */
export const workerLeak: Finding = {
  package: 'example.com/demo/pool',
  count: 3,
  state: 'chan receive',
  topFunction: 'example.com/demo/pool.(*Pool).worker',
  createdBy: 'example.com/demo/pool.(*Pool).Start',
  goStatement: { file: 'pool/pool.go', line: 31 },
  createdAt: { file: 'pool/pool.go', line: 31, func: 'example.com/demo/pool.(*Pool).Start', inModule: true },
  tests: [
    { attribution: { kind: 'test', test: 'TestPoolStart' }, count: 2 },
    { attribution: { kind: 'test', test: 'TestPoolWorkers' }, count: 1 },
  ],
  stack: [
    { func: 'example.com/demo/pool.(*Pool).worker', args: '0xc000102000', file: 'pool/pool.go', line: 44 },
    { func: 'example.com/demo/pool.(*Pool).Start.gowrap1', args: '', file: 'pool/pool.go', line: 31 },
  ],
  fingerprint: '3f9a1c0e5b7d2a64',
  source: 'end-of-run',
  provenByGc: true,
  goroutineIds: [21, 22, 23],
  baseline: 'new',
};

/** A finding of the sample report (see sample-report.ts). */
export const subtestLeak: Finding = {
  package: 'example.com/demo/pool',
  count: 1,
  state: 'select',
  waitMinutes: 2,
  topFunction: 'example.com/demo/pool.recvOrDone',
  createdBy: 'golang.org/x/sync/errgroup.(*Group).Go',
  goStatement: { file: `${MODCACHE}/errgroup/errgroup.go`, line: 78 },
  createdAt: { file: 'pool/drain.go', line: 18, func: 'example.com/demo/pool.(*Pool).Drain', inModule: true },
  tests: [{ attribution: { kind: 'test', test: 'TestPoolWorkers', subtest: 'drain' }, count: 1 }],
  stack: [
    { func: 'example.com/demo/pool.recvOrDone', args: '...', file: 'pool/drain.go', line: 40 },
    { func: 'example.com/demo/pool.(*Pool).drainStep', args: '...', file: 'pool/drain.go', line: 33 },
    { func: 'example.com/demo/pool.(*Pool).Drain.func1', args: '', file: 'pool/drain.go', line: 19 },
    {
      func: 'golang.org/x/sync/errgroup.(*Group).Go.func1',
      args: '',
      file: `${MODCACHE}/errgroup/errgroup.go`,
      line: 79,
    },
  ],
  fingerprint: '8c21d4e07fa9b315',
  source: 'end-of-run',
  provenByGc: false,
  gcChecked: true,
  goroutineIds: [35],
  baseline: 'new',
};

/** A finding of the sample report (see sample-report.ts). */
export const packageLeak: Finding = {
  package: 'example.com/demo/pool',
  count: 1,
  state: 'sleep',
  topFunction: 'time.Sleep',
  createdBy: 'example.com/demo/pool.init.0',
  goStatement: { file: 'pool/metrics.go', line: 10 },
  createdAt: { file: 'pool/metrics.go', line: 10, func: 'example.com/demo/pool.init.0', inModule: true },
  tests: [{ attribution: { kind: 'package' }, count: 1 }],
  stack: [
    { func: 'time.Sleep', args: '0x3b9aca00', file: `${GOROOT}/runtime/time.go`, line: 363 },
    { func: 'example.com/demo/pool.init.0.func1', args: '', file: 'pool/metrics.go', line: 12 },
  ],
  fingerprint: 'b04e6f1d92c8a7e3',
  source: 'end-of-run',
  provenByGc: false,
  goroutineIds: [7],
  baseline: 'new',
};

/** A finding of the sample report (see sample-report.ts). */
export const knownLeak: Finding = {
  package: 'example.com/demo/server',
  count: 2,
  state: 'IO wait',
  topFunction: 'internal/poll.runtime_pollWait',
  createdBy: 'net/http.(*Transport).dialConn',
  goStatement: { file: `${GOROOT}/net/http/transport.go`, line: 1944 },
  createdAt: {
    file: `${GOROOT}/net/http/transport.go`,
    line: 1944,
    func: 'net/http.(*Transport).dialConn',
    inModule: false,
  },
  tests: [{ attribution: { kind: 'test', test: 'TestServerRoundTrip' }, count: 2 }],
  stack: [
    {
      func: 'internal/poll.runtime_pollWait',
      args: '0x7f2a1c3e5d08, 0x72',
      file: `${GOROOT}/runtime/netpoll.go`,
      line: 351,
    },
    {
      func: 'internal/poll.(*pollDesc).wait',
      args: '0xc0001a2000?, 0xc0001b4000?, 0x0',
      file: `${GOROOT}/internal/poll/fd_poll_runtime.go`,
      line: 84,
    },
    {
      func: 'internal/poll.(*pollDesc).waitRead',
      args: '...',
      file: `${GOROOT}/internal/poll/fd_poll_runtime.go`,
      line: 89,
    },
    {
      func: 'internal/poll.(*FD).Read',
      args: '0xc0001a2000, {0xc0001b4000, 0x1000, 0x1000}',
      file: `${GOROOT}/internal/poll/fd_unix.go`,
      line: 165,
    },
    {
      func: 'net.(*netFD).Read',
      args: '0xc0001a2000, {0xc0001b4000?, 0x0?, 0x0?}',
      file: `${GOROOT}/net/fd_posix.go`,
      line: 68,
    },
    {
      func: 'net.(*conn).Read',
      args: '0xc0000a8010, {0xc0001b4000?, 0x0?, 0x0?}',
      file: `${GOROOT}/net/net.go`,
      line: 196,
    },
    {
      func: 'net/http.(*persistConn).Read',
      args: '0xc0001c0000, {0xc0001b4000?, 0x0?, 0x0?}',
      file: `${GOROOT}/net/http/transport.go`,
      line: 2122,
    },
    { func: 'bufio.(*Reader).fill', args: '0xc0001a8060', file: `${GOROOT}/bufio/bufio.go`, line: 113 },
    { func: 'bufio.(*Reader).Peek', args: '0xc0001a8060, 0x1', file: `${GOROOT}/bufio/bufio.go`, line: 152 },
    {
      func: 'net/http.(*persistConn).readLoop',
      args: '0xc0001c0000',
      file: `${GOROOT}/net/http/transport.go`,
      line: 2275,
    },
  ],
  fingerprint: '51e7c93a0d2f64b8',
  source: 'end-of-run',
  provenByGc: false,
  goroutineIds: [41, 42],
  baseline: 'known',
};

/** A finding of the sample report (see sample-report.ts). */
export const timeoutLeak: Finding = {
  package: 'example.com/demo/queue',
  count: 1,
  state: 'chan send',
  topFunction: 'example.com/demo/queue.(*Queue).Push',
  createdBy: 'example.com/demo/queue.TestQueueBlocks',
  goStatement: { file: 'queue/queue_test.go', line: 22 },
  createdAt: { file: 'queue/queue_test.go', line: 22, func: 'example.com/demo/queue.TestQueueBlocks', inModule: true },
  tests: [{ attribution: { kind: 'test', test: 'TestQueueBlocks' }, count: 1 }],
  stack: [
    { func: 'example.com/demo/queue.(*Queue).Push', args: '0xc000014090, 0x2a', file: 'queue/queue.go', line: 17 },
    { func: 'example.com/demo/queue.TestQueueBlocks.func1', args: '', file: 'queue/queue_test.go', line: 23 },
  ],
  fingerprint: 'e6a0f8b2c4d19573',
  source: 'timeout',
  provenByGc: false,
  goroutineIds: [19],
  baseline: 'new',
};

// A realistic RunReport for module example.com/demo that exercises every reporter branch:
// a site leaking ×3 in `chan receive` from two tests, a subtest leak started by a library and
// located at the user's call, a package-level leak, a known (baselined) leak with no frame of
// the module in its chain, a stale baseline entry, a failing test whose output carries ANSI codes
// and XML-hostile control characters, a build failure, a timeout in a hung test, passing
// packages and a package without tests.
import type { Finding, PackageReport, RunReport } from '../../src/model.js';

const GOROOT = '/usr/local/go/src';
const MODCACHE = '/home/dev/go/pkg/mod/golang.org/x/sync@v0.8.0';

const workerLeak: Finding = {
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

const subtestLeak: Finding = {
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

const packageLeak: Finding = {
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

const knownLeak: Finding = {
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

const timeoutLeak: Finding = {
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

const packages: PackageReport[] = [
  {
    importPath: 'example.com/demo',
    dir: '.',
    status: 'passed',
    elapsedSeconds: 0.012,
    cached: true,
    tests: [
      {
        name: 'TestVersion',
        status: 'pass',
        elapsedSeconds: 0,
        output: ['=== RUN   TestVersion\n', '--- PASS: TestVersion (0.00s)\n'],
      },
    ],
    leaks: [],
    ignored: 0,
    failures: [],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/cache',
    dir: 'cache',
    status: 'passed',
    elapsedSeconds: 0.351,
    cached: false,
    tests: [
      {
        name: 'TestCacheGet',
        status: 'pass',
        elapsedSeconds: 0.1,
        output: ['=== RUN   TestCacheGet', '--- PASS: TestCacheGet (0.10s)'],
      },
      {
        name: 'TestCacheEvict',
        status: 'skip',
        elapsedSeconds: 0,
        output: [
          '=== RUN   TestCacheEvict',
          '    cache_test.go:40: skipping: needs -long',
          '--- SKIP: TestCacheEvict (0.00s)',
        ],
      },
    ],
    leaks: [],
    ignored: 2,
    failures: [],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/internal/buildbroken',
    dir: 'internal/buildbroken',
    status: 'build-failed',
    elapsedSeconds: 0,
    cached: false,
    tests: [],
    leaks: [],
    ignored: 0,
    failures: [
      [
        '# example.com/demo/internal/buildbroken [example.com/demo/internal/buildbroken.test]',
        'internal/buildbroken/broken.go:7:9: undefined: missingFunc',
        'internal/buildbroken/broken_test.go:12:2: declared and not used: x',
      ].join('\n'),
    ],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/internal/docs',
    dir: 'internal/docs',
    status: 'no-tests',
    elapsedSeconds: 0,
    cached: false,
    tests: [],
    leaks: [],
    ignored: 0,
    failures: [],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/parser',
    dir: 'parser',
    status: 'failed',
    elapsedSeconds: 0.021,
    cached: false,
    tests: [
      {
        name: 'TestParseHeader',
        status: 'fail',
        elapsedSeconds: 0.003,
        output: [
          '=== RUN   TestParseHeader\n',
          '    parser_test.go:27: header mismatch: 100% wrong, got a, b\n',
          '        got:  "\u001b[31mContent-Type\u001b[0m: text/plain\u0000\u0007"\n',
          '        want: "Content-Type: text/html" <b>&amp;</b>\n',
          '    parser_test.go:31: raw bytes: \u000b\u000c\u0001 ]]> end ]]> twice\n',
          '--- FAIL: TestParseHeader (0.00s)\n',
        ],
      },
      {
        name: 'TestParseBody',
        status: 'pass',
        elapsedSeconds: 0.001,
        output: ['=== RUN   TestParseBody\n', '--- PASS: TestParseBody (0.00s)\n'],
      },
    ],
    leaks: [],
    ignored: 0,
    failures: [],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/pool',
    dir: 'pool',
    status: 'leaked',
    elapsedSeconds: 0.524,
    cached: false,
    tests: [
      {
        name: 'TestPoolStart',
        status: 'pass',
        elapsedSeconds: 0.01,
        output: ['=== RUN   TestPoolStart', '--- PASS: TestPoolStart (0.01s)'],
      },
      {
        name: 'TestPoolWorkers',
        status: 'pass',
        elapsedSeconds: 0.02,
        output: ['=== RUN   TestPoolWorkers', '--- PASS: TestPoolWorkers (0.02s)'],
      },
      {
        name: 'TestPoolWorkers/drain',
        status: 'pass',
        elapsedSeconds: 0.01,
        output: ['=== RUN   TestPoolWorkers/drain', '    --- PASS: TestPoolWorkers/drain (0.01s)'],
      },
    ],
    leaks: [workerLeak, subtestLeak, packageLeak],
    ignored: 1,
    waitedMs: 2003,
    gcProof: true,
    failures: [],
    warnings: [],
  },
  {
    importPath: 'example.com/demo/queue',
    dir: 'queue',
    status: 'failed',
    elapsedSeconds: 30.041,
    cached: false,
    tests: [
      {
        name: 'TestQueueFast',
        status: 'pass',
        elapsedSeconds: 0,
        output: ['=== RUN   TestQueueFast', '--- PASS: TestQueueFast (0.00s)'],
      },
      { name: 'TestQueueBlocks', status: 'running', elapsedSeconds: 30, output: ['=== RUN   TestQueueBlocks'] },
    ],
    leaks: [timeoutLeak],
    ignored: 0,
    failures: ['panic: test timed out after 30s\n\trunning tests:\n\t\tTestQueueBlocks (30s)'],
    warnings: ['leak check did not run: the test binary was killed by -timeout'],
  },
  {
    importPath: 'example.com/demo/server',
    dir: 'server',
    status: 'passed',
    elapsedSeconds: 0.118,
    cached: false,
    tests: [
      {
        name: 'TestServerRoundTrip',
        status: 'pass',
        elapsedSeconds: 0.05,
        output: ['=== RUN   TestServerRoundTrip', '--- PASS: TestServerRoundTrip (0.05s)'],
      },
    ],
    leaks: [knownLeak],
    ignored: 0,
    failures: [],
    warnings: [],
  },
];

/** The sample run: 8 packages, 5 findings (4 new, 1 known) of 8 goroutines, 1 stale entry. */
export const sampleReport: RunReport = {
  schemaVersion: 2,
  tool: { name: 'goleak-run', version: '0.1.0' },
  goVersion: 'go1.26.8',
  module: { path: 'example.com/demo', dir: '/src/demo' },
  startedAt: '2026-03-14T09:26:53.000Z',
  durationSeconds: 3.214,
  packages,
  stale: [
    {
      fingerprint: '9d4b27e1f0c3a856',
      package: 'example.com/demo/cache',
      tests: ['TestCacheWarm'],
      summary: 'chan receive in cache.(*Cache).refresh, created by cache.New',
    },
  ],
  summary: {
    packages: 8,
    passed: 3,
    leaked: 1,
    failed: 2,
    buildFailed: 1,
    noTests: 1,
    leakFindings: 5,
    leakedGoroutines: 8,
    newLeaks: 4,
    knownLeaks: 1,
    stale: 1,
    testsFailed: 2,
  },
  warnings: ['warning: no packages being tested depend on matches for pattern example.com/demo/tools'],
  exitCode: 1,
};

/** The sample with its module in a subdirectory of the repository (`/src` is the repo root). */
export const sampleRepoRoot = '/src';

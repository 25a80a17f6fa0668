// A realistic RunReport for module example.com/demo that exercises every reporter branch:
// a site leaking ×3 in `chan receive` from two tests, a subtest leak started by a library and
// located at the user's call, a package-level leak, a known (baselined) leak with no frame of
// the module in its chain, a stale baseline entry, a failing test whose output carries ANSI codes
// and XML-hostile control characters, a build failure, a timeout in a hung test, passing
// packages and a package without tests.
import type { PackageReport, RunReport } from '../../src/model.js';
import { workerLeak, subtestLeak, packageLeak, knownLeak, timeoutLeak } from './sample-findings.js';

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

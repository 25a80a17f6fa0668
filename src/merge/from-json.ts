// Pure: the packages of a shard's JSON report back in the shape every reporter reads.
import { PACKAGE_LEVEL, UNKNOWN_TEST } from '../classify/attribution-name.js';
import type { Attribution, Finding, PackageReport, ShardTest, TestResult } from '../model.js';
import type { JsonLeak, JsonPackage } from '../report/json-report-types.js';

/** `TestX/sub` → the attribution reporters name that way (the inverse of attributionName). */
function attributionOf(name: string): Attribution {
  if (name === PACKAGE_LEVEL) return { kind: 'package' };
  if (name === UNKNOWN_TEST) return { kind: 'unknown' };
  const slash = name.indexOf('/');
  return slash < 0
    ? { kind: 'test', test: name }
    : {
        kind: 'test',
        test: name.slice(0, slash),
        subtest: name.slice(slash + 1),
      };
}

/** One finding as the run had it; what the JSON leaves out (goroutine ids, argument values) stays empty. */
// `gcChecked`: the package's run had the GC's proof, which end-of-run findings were then checked by.
function findingOf(leak: JsonLeak, pkg: string, gcProof: boolean): Finding {
  return {
    package: pkg,
    count: leak.count,
    state: leak.state,
    ...(leak.waitMinutes !== null ? { waitMinutes: leak.waitMinutes } : {}),
    topFunction: leak.topFunction,
    ...(leak.createdBy !== null ? { createdBy: leak.createdBy } : {}),
    ...(leak.goStatement
      ? {
          goStatement: {
            file: leak.goStatement.file,
            line: leak.goStatement.line,
          },
        }
      : {}),
    ...(leak.createdAt
      ? {
          createdAt: {
            file: leak.createdAt.file,
            line: leak.createdAt.line,
            func: leak.createdAt.function,
            inModule: leak.createdAt.inModule,
          },
        }
      : {}),
    tests: leak.tests.map((t) => ({
      attribution: attributionOf(t.name),
      count: t.count,
    })),
    stack: leak.stack.map((f) => ({
      func: f.function,
      args: '',
      file: f.file,
      line: f.line,
    })),
    fingerprint: leak.fingerprint,
    source: leak.source,
    provenByGc: leak.provenByGc,
    ...(gcProof && leak.source === 'end-of-run' ? { gcChecked: true } : {}),
    goroutineIds: [],
    ...(leak.baseline !== undefined ? { baseline: leak.baseline } : {}),
    ...(leak.stress ? { stress: { ...leak.stress } } : {}),
  };
}

/** A package of the report, its tests taken from the shard's full list (names alone when it has none). */
export function packageOf(
  pkg: JsonPackage,
  tests: readonly ShardTest[] | undefined,
  unchecked: boolean,
): PackageReport {
  // Fields the JSON keeps as the run had them (status, times, counts, and any added later) pass as they
  // are; a package whose check never reported had no wait time and no proof, which the JSON writes as 0.
  const { tests: names, leaks, failures, warnings, waitedMs, gcProof, ...same } = pkg;
  return {
    ...same,
    ...(unchecked ? {} : { waitedMs, gcProof }),
    tests: tests ? tests.map(testOf) : testsByName(names),
    leaks: leaks.map((l) => findingOf(l, pkg.importPath, pkg.gcProof === true)),
    failures: [...failures],
    warnings: [...warnings],
  };
}

function testOf(t: ShardTest): TestResult {
  return {
    name: t.name,
    status: t.status,
    elapsedSeconds: t.elapsedSeconds,
    output: [...(t.output ?? [])],
  };
}

function testsByName(names: JsonPackage['tests']): TestResult[] {
  const of = (names: string[], status: TestResult['status']): TestResult[] =>
    names.map((name) => ({ name, status, elapsedSeconds: 0, output: [] }));
  return [...of(names.passed, 'pass'), ...of(names.failed, 'fail'), ...of(names.skipped, 'skip')];
}

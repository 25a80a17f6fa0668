// Runs classifyDump over a recorded dump with the recorded module's paths.
import { classifyDump, type ClassifyContext, type ClassifyResult } from '../../../src/classify/index.js';
import { attributionName } from '../../../src/classify/attribution-name.js';
import type { Finding, IgnoreRule } from '../../../src/model.js';
import {
  loadDump,
  loadTestNames,
  readRecordedSource,
  RECORDED_MODULE_DIR,
  RECORDED_MODULE_PATH,
} from './parse-dump.js';

/** Options for classifyRecorded. */
export interface RecordedOptions {
  rules?: IgnoreRule[];
  source?: Finding['source'];
  readSource?: (absFile: string) => string | undefined;
  /** Test names of the run; by default the ones recorded beside the dump. */
  testNames?: string[];
}

/** The context classifyDump gets for package example.com/leaky/<pkg> of the recorded module. */
export function recordedContext(pkg: string, opts: RecordedOptions = {}, dumpFile = `${pkg}.txt`): ClassifyContext {
  return {
    importPath: `${RECORDED_MODULE_PATH}/${pkg}`,
    modulePath: RECORDED_MODULE_PATH,
    moduleDir: RECORDED_MODULE_DIR,
    rules: opts.rules ?? [],
    source: opts.source ?? 'end-of-run',
    readSource: opts.readSource ?? readRecordedSource,
    testNames: opts.testNames ?? loadTestNames(dumpFile),
  };
}

/** Classifies test/classify/data/<file> as package example.com/leaky/<pkg>. */
export function classifyRecorded(file: string, pkg: string, opts: RecordedOptions = {}): ClassifyResult {
  return classifyDump(loadDump(file), recordedContext(pkg, opts, file));
}

/** The tests of a finding as `Name ×count`, in the finding's order. */
export function testsOf(f: Finding): string[] {
  return f.tests.map((t) => `${attributionName(t.attribution)} ×${t.count}`);
}

/** `tests <- createdBy (count)` lines, sorted: a readable summary to compare whole results. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${testsOf(f).join(', ')} <- ${f.createdBy ?? '-'} (${f.count})`).sort();
}

// Runs classifyDump over a recorded dump with the recorded module's paths.
import { classifyDump, type ClassifyResult } from '../../../src/classify/index.js';
import { attributionName } from '../../../src/classify/attribution-name.js';
import type { Finding, IgnoreRule } from '../../../src/model.js';
import { loadDump, readRecordedSource, RECORDED_MODULE_DIR, RECORDED_MODULE_PATH } from './parse-dump.js';

/** Options for classifyRecorded. */
export interface RecordedOptions {
  rules?: IgnoreRule[];
  source?: Finding['source'];
  readSource?: (absFile: string) => string | undefined;
}

/** Classifies test/classify/data/<file> as package example.com/leaky/<pkg>. */
export function classifyRecorded(file: string, pkg: string, opts: RecordedOptions = {}): ClassifyResult {
  return classifyDump(loadDump(file), {
    importPath: `${RECORDED_MODULE_PATH}/${pkg}`,
    modulePath: RECORDED_MODULE_PATH,
    moduleDir: RECORDED_MODULE_DIR,
    rules: opts.rules ?? [],
    source: opts.source ?? 'end-of-run',
    readSource: opts.readSource ?? readRecordedSource,
  });
}

/** `attribution ← createdBy (count)` lines, sorted: a readable summary to compare whole results. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${attributionName(f.attribution)} <- ${f.createdBy ?? '-'} (${f.count})`).sort();
}

// Baseline → YAML text: sorted, one block per entry and a blank line between, so that two
// branches adding leaks merge cleanly and reruns write byte-identical files.
import { stringify } from 'yaml';
import { compareEntries } from './entry-order.js';
import type { Baseline, BaselineEntry } from './types.js';

const HEADER = [
  '# goleak-run baseline: goroutine leaks that are known and accepted for now.',
  '# Rewrite it with `goleak-run --update-baseline`; delete an entry once its leak is fixed.',
  '# Only fingerprint and count are compared; state, top, createdBy and createdAt are for reading.',
  '# The last line is "...": a file without it was cut off and is rejected.',
];

function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function entryLines(e: BaselineEntry): string[] {
  const fields: [string, string | number | undefined][] = [
    ['fingerprint', e.fingerprint],
    ['package', e.package],
    ['test', e.test],
    ['count', e.count],
    ['state', e.state],
    ['top', e.top],
    ['createdBy', e.createdBy],
    ['createdAt', e.createdAt],
  ];
  return fields
    .filter((f): f is [string, string | number] => f[1] !== undefined)
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${scalar(v)}`);
}

/** The file text, deterministic for equal baselines. */
export function serializeBaseline(b: Baseline): string {
  const entries = [...b.leaks].sort(compareEntries).map((e) => entryLines(e).join('\n'));
  const body = entries.length === 0 ? ['leaks: []'] : ['leaks:', entries.join('\n\n')];
  return [...HEADER, 'version: 1', ...body, '...', ''].join('\n');
}

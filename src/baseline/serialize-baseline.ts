// Baseline → YAML text: sorted, one block per entry and a blank line between, so that two
// branches adding leaks merge cleanly and reruns write byte-identical files.
import { stringify } from 'yaml';
import { compareEntries } from './entry-order.js';
import type { Baseline, BaselineEntry } from './types.js';

const HEADER = [
  '# goleak-run baseline: goroutine leaks that are known and accepted for now, one entry per leak site.',
  '# Rewrite it with `goleak-run --update-baseline`; delete an entry once its leak is fixed.',
  '# Only fingerprint and count are compared; tests, state, top, createdBy and createdAt are for reading.',
  '# The last line is "...": a file without it was cut off and is rejected.',
];

function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function entryLines(e: BaselineEntry): string[] {
  const field = (k: string, v: string | number | boolean | undefined): string[] =>
    v === undefined ? [] : [`    ${k}: ${scalar(v)}`];
  const sorted = [...e.tests].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tests = ['    tests:', ...sorted.map((t) => `      ${scalar(t.name)}: ${t.count}`)];
  const lines = [
    ...field('package', e.package),
    ...field('count', e.count),
    ...tests,
    ...field('state', e.state),
    ...field('top', e.top),
    ...field('createdBy', e.createdBy),
    ...field('createdAt', e.createdAt),
    ...field('legacy', e.legacy),
  ];
  return [`  - fingerprint: ${scalar(e.fingerprint)}`, ...lines];
}

/** The file text, deterministic for equal baselines; always version 2. */
export function serializeBaseline(b: Baseline): string {
  const entries = [...b.leaks].sort(compareEntries).map((e) => entryLines(e).join('\n'));
  const body = entries.length === 0 ? ['leaks: []'] : ['leaks:', entries.join('\n\n')];
  return [...HEADER, 'version: 2', ...body, '...', ''].join('\n');
}

// Location parsing over real `go test -json` output, recorded by testdata/locations/record.sh.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { GoTestEvent } from '../../src/model.js';
import { buildErrorLocations, testLogLocation } from '../../src/report/source-locations.js';
import { outputLines } from '../../src/report/text-clean.js';

const events: GoTestEvent[] = readFileSync(new URL('testdata/locations/go-test.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as GoTestEvent);

const testOutput = (test: string): string[] => events.filter((e) => e.Test === test).map((e) => e.Output ?? '');

describe('locations in recorded Go output', () => {
  it('finds the t.Errorf line of a failing test, relative to the module', () => {
    expect(testLogLocation(outputLines(testOutput('TestGreeting')), 'failing')).toEqual({
      file: 'failing/failing_test.go',
      line: 7,
      message: 'Greeting() = "hello", want "hi": 100% wrong',
    });
  });

  it('finds the t.Fatal line of a failing subtest', () => {
    expect(testLogLocation(outputLines(testOutput('TestNested/sub')), 'failing')).toEqual({
      file: 'failing/failing_test.go',
      line: 13,
      message: 'sub failed',
    });
    expect(testLogLocation(outputLines(testOutput('TestNested')), 'failing')).toBeUndefined();
  });

  it('finds every compiler error of a build failure, module-relative as go test prints them', () => {
    const build = events
      .filter((e) => e.Action === 'build-output')
      .map((e) => e.Output ?? '')
      .join('');
    expect(buildErrorLocations(build)).toEqual([
      { file: 'broken/broken.go', line: 5, message: 'undefined: missingFunc' },
      { file: 'broken/broken_test.go', line: 6, message: 'declared and not used: x' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseGoTestFlags } from '../../src/run/go-test-flags.js';
import { UsageError } from '../../src/errors.js';

describe('parseGoTestFlags', () => {
  it('passes flags through, normalising values to -flag=value', () => {
    const f = parseGoTestFlags(['-race', '-run', 'TestX', '-count=1', '--timeout', '30s', '-short']);
    expect(f.passThrough).toEqual(['-race', '-run=TestX', '-count=1', '-timeout=30s', '-short']);
    expect(f.run).toBe('TestX');
    expect(f.listFlags).toEqual([]);
  });

  it('sends build-constraint flags to go list as well', () => {
    const f = parseGoTestFlags(['-tags', 'integration,linux', '-mod=vendor']);
    expect(f.listFlags).toEqual(['-tags=integration,linux', '-mod=vendor']);
    expect(f.passThrough).toEqual(['-tags=integration,linux', '-mod=vendor']);
  });

  it('keeps -test.run spellings and records -skip', () => {
    const f = parseGoTestFlags(['-test.run=^TestA$', '-skip', 'TestB']);
    expect(f.run).toBe('^TestA$');
    expect(f.skip).toBe('TestB');
  });

  it('takes the user overlay out of the pass-through to merge it', () => {
    const f = parseGoTestFlags(['-overlay', '/tmp/o.json', '-v']);
    expect(f.userOverlay).toBe('/tmp/o.json');
    expect(f.passThrough).toEqual(['-v']);
  });

  it('keeps everything after -args for the test binary', () => {
    const f = parseGoTestFlags(['-v', '-args', '-update', 'x']);
    expect(f.testBinaryArgs).toEqual(['-update', 'x']);
    expect(f.passThrough).toEqual(['-v']);
  });

  it.each([
    [['-json'], /-json cannot be used: goleak-run always runs go test with -json/],
    [['-c'], /-c cannot be used/],
    [['-o', 'x.test'], /-o cannot be used/],
    [['-list', '.'], /-list cannot be used/],
    [['./pkg'], /expected go test flags after --, found "\.\/pkg"/],
    [['-run'], /expected a value after -run, found the end/],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseGoTestFlags(args)).toThrow(UsageError);
    expect(() => parseGoTestFlags(args)).toThrow(message);
  });

  it.each([['-json=false'], ['-json=true'], ['--json=0'], ['-test.json']])('refuses every form of -json: %s', (arg) => {
    expect(() => parseGoTestFlags([arg])).toThrow(/cannot be used: goleak-run always runs go test with -json/);
  });

  it.each([['-v=false'], ['-test.v=0'], ['--v=F']])('refuses %s, which drops the per-test events', (arg) => {
    expect(() => parseGoTestFlags([arg])).toThrow(`${arg} cannot be used: goleak-run reads each test's events`);
  });

  it('refuses -test.v=false after -args too, and lets -v, -v=true and -v=test2json through', () => {
    expect(() => parseGoTestFlags(['-args', '-x', '-test.v=false'])).toThrow('-test.v=false cannot be used');
    expect(parseGoTestFlags(['-v', '-v=true', '-v=test2json']).passThrough).toEqual(['-v', '-v=true', '-v=test2json']);
  });

  it('gives the user overlay to go list as given', () => {
    expect(parseGoTestFlags(['-overlay', 'o.json', '-tags=x']).listFlags).toEqual(['-overlay=o.json', '-tags=x']);
  });
});

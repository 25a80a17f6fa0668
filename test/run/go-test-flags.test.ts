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

  it('accepts -json=false as harmless', () => {
    expect(parseGoTestFlags(['-json=false']).passThrough).toEqual(['-json=false']);
  });
});

// The environment go test runs with: the check's results directory and ancestor stacks, the
// user's own GODEBUG kept, and their tracebackancestors (0 opts out) winning over ours.
import { describe, expect, it } from 'vitest';
import { RESULTS_ENV } from '../../src/check-protocol.js';
import { ancestorsOn, buildTestEnv } from '../../src/run/test-env.js';

describe('buildTestEnv', () => {
  it('asks for ancestor stacks beside the user GODEBUG settings, and names the results dir', () => {
    const env = buildTestEnv({ GODEBUG: 'gctrace=1', HOME: '/h' }, '/tmp/r');
    expect(env).toMatchObject({ GODEBUG: 'gctrace=1,tracebackancestors=10', HOME: '/h', [RESULTS_ENV]: '/tmp/r' });
    expect(buildTestEnv({}, '/tmp/r').GODEBUG).toBe('tracebackancestors=10');
  });

  it('keeps a tracebackancestors the user set, 0 included', () => {
    expect(buildTestEnv({ GODEBUG: 'tracebackancestors=0' }, '/tmp/r').GODEBUG).toBe('tracebackancestors=0');
    expect(buildTestEnv({ GODEBUG: 'x=1,tracebackancestors=3' }, '/tmp/r').GODEBUG).toBe('x=1,tracebackancestors=3');
  });

  it('tells whether the binaries record ancestors', () => {
    expect(ancestorsOn({})).toBe(true);
    expect(ancestorsOn({ GODEBUG: 'gctrace=1' })).toBe(true);
    expect(ancestorsOn({ GODEBUG: 'tracebackancestors=0' })).toBe(false);
    expect(ancestorsOn({ GODEBUG: 'tracebackancestors=2' })).toBe(true);
  });
});

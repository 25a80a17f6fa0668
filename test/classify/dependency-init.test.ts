// Which creators are a dependency's init, run on goroutine 1: the classifier's half of the rule the check shares
// (the Go half is held to the same verdicts by test/overlay/matcher-agreement.test.ts).
import { describe, expect, it } from 'vitest';
import { isDependencyInit } from '../../src/classify/dependency-init.js';

const M = 'example.com/m';

describe('isDependencyInit', () => {
  it.each([
    ['github.com/golang/glog.init.1', true],
    ['go.opencensus.io/stats/view.init.0', true],
    ['example.com/dep.init', true],
    ['example.com/dep.init.0.func1', true],
    ['example.com/dep.init.func2.3', true],
    ['example.com/dep.initialise', false],
    ['example.com/dep.(*T).init', false],
    ['example.com/dep.Start', false],
    [`${M}.init.0`, false],
    [`${M}/sub.init.0`, false],
    [`${M}/sub_test.init.0`, false],
    ['main.init.0', false],
    ['example.com/mother.init.0', true],
  ])('%s: %s', (func, expected) => {
    expect(isDependencyInit({ func, goroutine: 1 }, M)).toBe(expected);
  });

  it('excuses only what initialisation started, on goroutine 1', () => {
    // A closure an init defined (a handler) that a test's goroutine runs later.
    expect(isDependencyInit({ func: 'example.com/dep.init.0.func1', goroutine: 7 }, M)).toBe(false);
    expect(isDependencyInit({ func: 'github.com/golang/glog.init.1' }, M)).toBe(false);
  });

  it('drops nothing without a module path or a creator', () => {
    expect(isDependencyInit({ func: 'github.com/golang/glog.init.1', goroutine: 1 }, '')).toBe(false);
    expect(isDependencyInit(undefined, M)).toBe(false);
  });
});

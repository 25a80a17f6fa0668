import { describe, expect, it } from 'vitest';
import { parseDump } from '../../src/parse/goroutine-dump.js';
import type { GoroutineGroup } from '../../src/profile/profile-types.js';
import { readStacks } from '../../src/profile/read-stacks.js';
import { recorded } from '../parse/recorded.js';
import { recordedProfile } from './recorded.js';

const read = (text: string, chunk?: number) => {
  const groups: GoroutineGroup[] = [];
  const profile = readStacks(text, (g) => groups.push(g), chunk);
  return { groups, profile };
};

// Pieces are cut at goroutine boundaries, so any piece size gives what one parse of the whole gives.
describe('readStacks in pieces', () => {
  it.each(['service-sigquit.txt', 'service-debug2.txt', 'go127-debug2.txt', 'service-timeout.txt'])(
    '%s: same goroutines whatever the piece size',
    (name) => {
      const text = recordedProfile(name).toString('utf8');
      const whole = parseDump(text);
      for (const chunk of [1, 500, 4096, 1 << 30]) {
        const { groups } = read(text, chunk);
        expect(groups.map((g) => [g.state, g.frames.length, g.leakedByGc, g.createdBy?.func])).toEqual(
          whole.goroutines.map((g) => [g.state, g.frames.length, g.leakedByGc, g.createdBy?.func]),
        );
      }
    },
  );

  it('reports skipped lines at their line in the whole text', () => {
    const text = recorded('crash-all.txt');
    const whole = parseDump(text)
      .warnings.slice(0, 10)
      .map((w) => `line ${w.line}: ${w.message}`);
    expect(whole.length).toBeGreaterThan(0);
    for (const chunk of [1, 300, 1 << 30]) expect(read(text, chunk).profile.warnings.first).toEqual(whole);
  });

  it('carries wait minutes and creators through', () => {
    const { groups } = read(recorded('minutes.txt'));
    expect(groups.some((g) => (g.waitMinutes ?? 0) >= 1)).toBe(true);
    expect(groups.filter((g) => g.createdBy !== undefined).length).toBeGreaterThan(0);
  });
});

// Issue 11, session 24: a tape's values live in an arena (arena.ts), the sweeps' accumulators are lent from a
// pool by length and given back as each node is visited (accumulators.ts), and a kept sweep gathers its
// barriers as it visits them (keptSweep.ts). Every number is the one the engine gave before (every tape node's
// value, every loss gradient, derivatives total, immediate and one-step, −0, NaN and ±∞ among the values), and
// so is every operation charged: tscale24-previous.json, generated from commit dcc87a0.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forward } from '../../src/engine/run';
import { cases, readCase } from './tscale24-cases';

const previous = JSON.parse(readFileSync(new URL('./tscale24-previous.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, string>
>;

describe('tscale24: the numbers of the engine before the arena and the pooled accumulators', () => {
  for (const c of cases())
    it(c.name, () => {
      const got = readCase(c, (m, values) => forward(m, values));
      expect(Object.keys(got)).toStrictEqual(Object.keys(previous[c.name]!));
      for (const [key, want] of Object.entries(previous[c.name]!)) expect(got[key], key).toBe(want);
    });

  it('the special numbers reach the values and the gradients', () => {
    const all = Object.values(previous['special numbers']!).join(' ') + Object.values(previous['a NaN weight']!).join(' ');
    expect(all).toContain('8000000000000000'); // −0
    expect(all).toContain('7ff0000000000000'); // +∞
    expect(all).toContain('fff0000000000000'); // −∞
    expect(all).toContain('NaN');
  });
});

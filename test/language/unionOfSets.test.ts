// Williams & Zipser's s_k(t) = Σ_{l ∈ U ∪ I} w_{kl} z_l(t−1) (probe 50): the units and the inputs together. Σ_{l ∈ U}
// read as every l; the union was "expected '=' … in the index of Σ, found '\in'" (∪ and \cup were not characters of the
// language). A union of named sets is every value of the index too, said as Σ_{l ∈ U} is.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 2',
  'input x = [0.5, -1.0]',
  'param w : 2x3 = [[0.4, -0.6, 0.7], [0.5, 0.3, -0.2]]',
  'z_0 = [0.2, -0.1, 0.6]',
  's_t = w z_{t-1}',
  'y_t = σ(s_t)',
  'z_t = [y_t[1], y_t[2], x_t]',
  'loss J = Σ_t sum(y_t)',
].join('\n');

describe('Σ over a union of named sets', () => {
  for (const spelled of ['Σ_{l ∈ U ∪ I}', '\\sum_{l \\in U \\cup I}'])
    it(`${spelled} is every l`, () => {
      const r = analyze(`${NET}\ncheck s_t[k] = ${spelled} w_{kl} z_{t-1}[l]\n`);
      expect(r.checks.map((c) => c.status)).toEqual(['holds']);
      expect(r.diagnostics.some((d) => /is read as Σ_l, over all of l's values: U ∪ I is taken as every unit/.test(d.message))).toBe(true);
    });
  it('a lone ∪ elsewhere is still no operator of a value', () => {
    const r = analyze(`${NET}\ncheck s_t = U ∪ I\n`);
    expect(r.checks.every((c) => c.status !== 'holds')).toBe(true);
  });
});

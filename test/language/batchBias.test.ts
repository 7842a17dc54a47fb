// Géron's mini-batch layer Y_(t) = φ(X_(t) W_x + Y_(t−1) W_y + b) (Hands-On ML eq. 15-2, probe 52): one row per
// instance, the bias row added to every row. A sum of an m×n matrix and a 1×n row (or a vector of n where m ≠ n) was
// "cannot add"; it is the row added to each row, said in an information. A square batch with a vector keeps the error
// (rows or columns: no one reading), and so does a row beside a square one (a layout slip as likely).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (bias: string, batch = 3) =>
  [
    'T = 2',
    `input X : ${batch}x2 = ${JSON.stringify([0, 1].map((t) => Array.from({ length: batch }, (_, i) => [0.1 * (i + 1) + t, -0.2 * i])))}`,
    'param W_x : 2x2 = [[0.4, -0.3], [0.2, 0.5]]',
    'param W_y : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]',
    `param b ${bias}`,
    `Y_0 = ${JSON.stringify(Array.from({ length: batch }, () => [0, 0]))}`,
    'Y_t = tanh(X_t W_x + Y_{t-1} W_y + b)',
    'loss L = Σ_t sum(Y_t)',
  ].join('\n');

describe('a bias row added to a mini-batch', () => {
  for (const [bias, row] of [
    [': 1x2 = [[0.1, -0.1]]', 'b'],
    [': 2 = [0.1, -0.1]', 'bᵀ'],
  ])
    it(`b ${bias} is added to every row`, () => {
      const r = analyze(`${net(bias!)}\ncheck Y_1 = tanh(X_1 W_x + Y_0 W_y + [[1], [1], [1]] ${row})\n`);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.checks.map((c) => c.status)).toEqual(['holds']);
      expect(
        r.diagnostics.some((d) => /is added to every row of the 3×2 matrix, as a bias is to a mini-batch's rows/.test(d.message)),
      ).toBe(true);
    });
  it('a vector beside a square batch stays an error', () => {
    const r = analyze(net(': 2 = [0.1, -0.1]', 2));
    expect(r.diagnostics.some((d) => /cannot add/.test(d.message))).toBe(true);
  });
});

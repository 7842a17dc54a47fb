// A gradient written as a sum whose terms use two layouts: `(o_1 − y_1)ᵀ W_hy` is a row (numerator layout),
// `(∂h_2/∂h_1)ᵀ ∂L/∂h_2` a column (denominator layout). The maths of each term is right; the error is the mix,
// and the message says so instead of only "cannot add a 1×3 matrix and a vector of 3".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = [
  'T = 3',
  'input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
  'target y : 2 = [[1, 0], [0.5, 1], [0, 0.3]]',
  'param  W_hx : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
  'param  W_hh : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
  'param  W_hy : 2x3 = [[0.3, -0.2, 0.1], [0.1, 0.2, -0.3]]',
  'h_0 = 0',
  'h_t = tanh(W_hx x_t + W_hh h_{t-1})',
  'o_t = W_hy h_t',
  'loss L = Σ_t sum((o_t - y_t)^2)',
];
const run = (...lines: string[]) => analyze([...net, ...lines, ''].join('\n'));
const errors = (r: ReturnType<typeof analyze>) => r.diagnostics.filter((d) => d.severity === 'error');

describe('a row plus a column in a gradient names the mixed layouts', () => {
  it('row on the left', () => {
    const r = run('check ∂L/∂h_1 = 2(o_1 - y_1)ᵀ W_hy + (∂h_2/∂h_1)ᵀ ∂L/∂h_2');
    const [e] = errors(r);
    expect(e?.message).toBe(
      'shape mismatch: cannot add the product (1×3 matrix) and the product (vector of 3); the left term is a row (numerator layout), the other a column: write both in one layout (transpose one of them, ᵀ)',
    );
    expect(e?.line).toBe(11);
  });

  it('row on the right', () => {
    const [e] = errors(run('check ∂L/∂h_1 = (∂h_2/∂h_1)ᵀ ∂L/∂h_2 + 2(o_1 - y_1)ᵀ W_hy'));
    expect(e?.message).toMatch(/; the right term is a row \(numerator layout\), the other a column/);
  });

  it('both terms in one layout hold (either layout)', () => {
    const r = run(
      'check ∂L/∂h_1 = W_hyᵀ (2(o_1 - y_1)) + (∂h_2/∂h_1)ᵀ ∂L/∂h_2',
      'check ∂L/∂h_1ᵀ = 2(o_1 - y_1)ᵀ W_hy + (∂L/∂h_2)ᵀ ∂h_2/∂h_1',
    );
    expect(errors(r)).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });

  it('a forward equation adding a row to a column gets no layout talk', () => {
    const r = analyze([...net.slice(0, 7), 'h_t = tanh(x_tᵀ W_hxᵀ + W_hh h_{t-1})', ...net.slice(8), ''].join('\n'));
    const [e] = errors(r);
    expect(e?.message).toMatch(/^shape mismatch: cannot add/);
    expect(e?.message).not.toMatch(/layout/);
  });
});

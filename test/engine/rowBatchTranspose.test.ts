// A network of rows (Géron's mini-batch, Y_(t) = φ(X_(t) W_x + Y_(t−1) W_y + b), probe 52) has ∂L/∂W_y = Σ_t
// Y_(t−1)ᵀ (∇_Z L): the rows' transpose first. Its transpose written (∇_Z L)ᵀ Y_(t−1) said "the gradient comes first",
// the order of a network written W h; it now says the network multiplies rows by W_y.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 2',
  'input X : 3x2 = [[[0.5, -1.0], [0.2, 0.4], [0.1, 0.1]], [[0.3, 0.8], [-0.7, 0.1], [0.4, -0.2]]]',
  'param W_x : 2x2 = [[0.4, -0.3], [0.2, 0.5]]',
  'param W_y : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]',
  'Y_0 = [[0.1, 0], [0, 0.2], [0.3, -0.1]]',
  'Z_t = X_t W_x + Y_{t-1} W_y',
  'Y_t = tanh(Z_t)',
  'loss L = Σ_t sum(Y_t ⊙ Y_t)',
].join('\n');

describe('the transpose of a row network’s weight gradient', () => {
  it('Yᵀ ∇_Z L holds; (∇_Z L)ᵀ Y names the rows’ order', () => {
    const r = analyze(`${NET}\ncheck ∂L/∂W_y = Σ_t Y_{t-1}ᵀ ∂L/∂Z_t\ncheck ∂L/∂W_y = Σ_t (∂L/∂Z_t)ᵀ Y_{t-1}\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(
      /the network multiplies rows by W_y \(one row per instance, X W_y\), so in ∂L\/∂W_y the rows' transpose comes first/,
    );
  });
});

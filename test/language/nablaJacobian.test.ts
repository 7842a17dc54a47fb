// ∇_B A of a vector A (probe 43, Bhiksha Raj's 11-785: ∇_{O(t)}Div = ∇_{Y(t)}Div ∇_{O(t)}Y(t), the row gradient times
// the Jacobian): read as ∂A/∂B, A's entries as rows, with an information; it was "∇_B A is the gradient of a scalar A,
// but this A is a vector of 3: write ∂A/∂B for its Jacobian". By a matrix (a tensor) it stays refused.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 2 = [[0.5, -1], [0.3, 0.8]]
param W : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]
param U : 2x2 = [[0.4, -0.3], [0.2, 0.6]]
h_0 = [0.1, -0.2]
z_t = W h_{t-1} + U x_t
h_t = tanh(z_t)
loss L = Σ_t sum(h_t ⊙ h_t)
`;

describe('∇ of a vector', () => {
  it('is its Jacobian in numerator layout, said in an information', () => {
    const r = analyze(`${NET}check ∇_{h_1} z_2 = W\ncheck ∇_{h_1} z_2 = W^T\ncheck ∇_{h_1} L = ∇_{z_2} L ∇_{h_1} z_2 + 2 h_1 ⊙ 1\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds']);
    expect(
      r.diagnostics.some((d) => /∇ of the vector z_2 is read as its Jacobian ∂z_2\/∂h_1 \(rows: z_2's entries\)/.test(d.message)),
    ).toBe(true);
  });

  it('by a matrix stays refused', () => {
    const r = analyze(`${NET}check ∇_W h_1 = h_0\n`);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      '∇_B A is the gradient of a scalar A, but this A is a vector of 2: write ∂A/∂B for its Jacobian',
    );
  });
});

// 11-785's weight gradients (probe 43): Bhiksha Raj writes ∇_W Div = Σ_t h(t) ∇_{z(t)}Div, the column times the
// gradient as a row, in the shape of Wᵀ; the language's ∇_W Div has W's shape (LANGUAGE.md §4). Against a weight of
// the gradient's size by the vector's, the message now says to put the gradient first (it said "their outer product is
// written with the right one transposed", which gives Wᵀ's shape again); against a weight of the vector's size by the
// gradient's (Goldberg's rows, x_i (…) for his W^x) it keeps that advice.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 2 = [[0.5, -1], [0.3, 0.8]]
param W : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]
param V : 3x2 = [[0.7, -0.4], [0.3, 0.5], [-0.6, 0.2]]
param R : 2x3 = [[0.1, 0.2, 0.3], [0.4, -0.5, 0.6]]
h_0 = [0.1, -0.2]
h_t = tanh(W h_{t-1} + x_t)
o_t = V h_t
loss L = Σ_t sum(o_t ⊙ o_t)
`;
const messages = (line: string) => {
  const r = analyze(NET + line);
  return [...r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), ...r.checks.map((c) => c.message)];
};

describe('an outer product with the vector before the gradient', () => {
  it('against the weight of the gradient’s size by the vector’s: the gradient first', () => {
    const [m] = messages('check ∇_V L = Σ_t h_t ∇_{o_t} L\n');
    expect(m).toMatch(
      /an outer product in a weight's shape is written with the gradient first and the other factor transposed, ∂L\/∂o_t h_tᵀ \(h_t ∂L\/∂o_t, a column times the gradient as a row, is 11-785's ∇_W/,
    );
    expect(messages('check ∇_V L = Σ_t ∇_{o_t} L h_t^T\n')[0]).toMatch(/^holds/);
  });
  it('against the weight of the vector’s size by the gradient’s: the right one transposed', () => {
    const [m] = messages('check R = Σ_t h_t ∇_{o_t} L\n');
    expect(m).toMatch(/their outer product is written with the right one transposed \(ᵀ\)$/);
  });
  it('a square weight: the swap is named with the layout 11-785 gives ∇_W', () => {
    const [m] = messages('check ∇_W L = Σ_t h_{t-1} ∇_{h_t} L\n');
    expect(m).toMatch(/written with the gradient first and the other factor transposed, .* 11-785's ∇_W, in the transposed weight's shape/);
  });
});

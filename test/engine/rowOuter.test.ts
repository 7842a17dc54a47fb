// Saitoh's row vectors (probe 53): with h_t a 1×2 row, ∂L/∂W_h = Σ_t h_{t−1}ᵀ ∂L/∂a_t; written in a column book's order,
// Σ_t ∂L/∂a_t h_{t−1}ᵀ, the two rows make a 1×1, and the check failed with "the shapes differ" only. The outer
// product meant is named (engine/check/scalarVector.ts rowOuterMeant).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 1x2 = [[[1.0, 0.5]], [[-0.5, 0.8]]]
param W_x : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
param W_h : 2x2 = [[0.3, 0.1], [-0.2, 0.6]]
h_0 = [[0, 0]]
a_t = h_{t-1} W_h + x_t W_x
h_t = tanh(a_t)
loss L = Σ_t sum(h_t)
`;

describe('a column book’s δ hᵀ where the vectors are rows', () => {
  it('the right order holds', () => {
    expect(analyze(NET + 'check ∂L/∂W_h = Σ_t h_{t-1}ᵀ ∂L/∂a_t\n').checks[0]!.status).toBe('holds');
  });
  it('the other order names the outer product', () => {
    const c = analyze(NET + 'check ∂L/∂W_h = Σ_t ∂L/∂a_t h_{t-1}ᵀ\n').checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(
      /∂L\/∂a_t h_\{t-1\}ᵀ of two rows is their inner product, a number; their outer product, a 2×2 matrix, is written h_\{t-1\}ᵀ ∂L\/∂a_t: with it the check holds/,
    );
  });
});

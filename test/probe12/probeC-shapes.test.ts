// probeC (session 12): the two shape errors a vector backward pass meets most — a gradient sent back through a
// matrix without its transpose (V(ŷ_t − y_t) for Vᵀ(ŷ_t − y_t)), and a weight gradient written as the outer
// product the other way round (x_t δᵀ for δ x_tᵀ) — say what would fit.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 2
input  x : 2 = [[0.5, -1.0], [0.3, 0.8]]
target y : 2 = [[0.1, 0.0], [0.2, -0.3]]
param W : 3x2
param U : 3x3
param V : 2x3
h_0 = 0
h_t = tanh(W x_t + U h_{t-1})
\hat{y}_t = V h_t
loss L = Σ_t sum((\hat{y}_t - y_t)^2) / 2
`;

const errors = (check: string) => analyze(`${NET}${check}\n`).diagnostics.filter((d) => d.severity === 'error');

describe('probeC: shape errors of a backward pass say what would fit', () => {
  it('a matrix left of a vector that its transpose takes', () => {
    const [e] = errors(String.raw`check ∂L/∂h_T = V(\hat{y}_T - y_T)`);
    expect(e!.message).toBe(
      'shape mismatch: cannot multiply V (2×3 matrix) and the difference (vector of 2); Vᵀ (3×2 matrix) fits (a transpose missing?)',
    );
    // with the transpose it reads and holds
    const r = analyze(`${NET}check ∂L/∂h_T = V^T(\\hat{y}_T - y_T)\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });

  it('a weight gradient written as the transposed outer product', () => {
    const [e] = errors(String.raw`check ∂L/∂V = Σ_t h_t (\hat{y}_t - y_t)^T`);
    expect(e!.message).toMatch(
      /^shape mismatch: the left side is a 2×3 matrix, the right side a 3×2 matrix: the left side's shape transposed/,
    );
  });

  it('other shape mismatches keep their messages', () => {
    const [e] = errors(String.raw`check ∂L/∂V = Σ_t h_t h_t^T`);
    expect(e!.message).toBe('shape mismatch: the left side is a 2×3 matrix, the right side a 3×3 matrix');
  });
});

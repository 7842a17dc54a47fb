// Greff et al. (LSTM: A Search Space Odyssey) write δW_∗ = Σ_t ⟨δ∗^t, x^t⟩, ⟨·, ·⟩ their outer product; ⟨u, v⟩ was
// read as the inner product only, so their weight gradients failed "the shapes differ" (session 56). It is the outer
// product where the shapes ask it (vectors of two sizes, or the check's left side the matrix u vᵀ makes), with an
// information; elsewhere the inner product, as before (Lukoševičius's ⟨∂E/∂x(n), x̃(n) − x(n−1)⟩).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 3
param W : 2x3
param R : 2x2
h_0 = [0.1, -0.2]
z_t = W x_t + R h_{t-1}
h_t = tanh(z_t)
loss L = sum(h_T)
`;

describe('⟨u, v⟩', () => {
  it('of vectors of two sizes is their outer product', () => {
    const r = analyze(`${NET}check ∂L/∂W = Σ_t ⟨∂L/∂z_t, x_t⟩\n`, FAST);
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.some((d) => /⟨u, v⟩ is read as the outer product u vᵀ \(a 2×3 matrix\).*different sizes/.test(d.message))).toBe(
      true,
    );
  });
  it('of one size, against a matrix, is the outer product too', () => {
    const r = analyze(`${NET}check ∂L/∂R = Σ_{t=1}^{T} ⟨∂L/∂z_t, h_{t-1}⟩\n`, FAST);
    expect(r.checks[0]!.status).toBe('holds');
  });
  it('against a scalar it stays the inner product', () => {
    const r = analyze(`${NET}check ⟨h_1, h_1⟩ = h_1^T h_1\ncheck ⟨h_1, h_1[1]⟩ = sum(h_1) h_1[1]\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.diagnostics.some((d) => /outer product/.test(d.message))).toBe(false);
  });
});

// An outer product written the other way round (Prince's ∂ℓ_i/∂Ω_k = ∂ℓ_i/∂f_k h_kᵀ written h_k (∂ℓ_i/∂f_k)ᵀ) was told
// in the words of another network: "(the gradient comes first: (∇_o L) hᵀ)". It now names the product as written and
// the order to write it in.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 2 = [[0.5, -1.0], [0.3, 0.8]]
param W : 2x2 = [[0.5, -0.3], [0.2, 0.6]]
h_0 = [0.1, 0.2]
a_t = W h_{t-1} + x_t
h_t = tanh(a_t)
loss L = sum(h_T^2)
`;

describe('an outer product in the wrong order', () => {
  it('is named with its own factors', () => {
    const r = analyze(`${NET}check ∂L/∂W = Σ_t h_{t-1} (∂L/∂a_t)^T\n`);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toContain(
      'the factors of an outer product are in the wrong order (the gradient comes first: ∂L/∂a_t h_{t-1}ᵀ for h_{t-1} (∂L/∂a_t)ᵀ)',
    );
  });
});

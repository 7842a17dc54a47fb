// The softmax's Jacobian taken as diagonal (probe 48, Bahdanau et al.'s attention weights): ∂L/∂e_{tj} = α_{tj}
// ∂L/∂α_{tj} for α_t = softmax(e_t) leaves out −α_{tj} Σ_k α_{tk} ∂L/∂α_{tk}, since every weight reads every score. It
// failed with its two numbers only; the term is named now, and the right formula holds.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 3 = [[0.5, -1.0, 0.2], [0.3, 0.8, -0.4]]
param W : 3x3 = [[0.4, -0.3, 0.1], [0.2, 0.5, -0.2], [0.1, 0.3, 0.6]]
param v : 3 = [0.7, -0.5, 0.9]
e_t = W x_t
α_t = softmax(e_t)
loss L = Σ_t (vᵀ α_t)^2
`;

describe('a softmax’s Jacobian taken as diagonal', () => {
  it('the diagonal path alone is named with the term it leaves out', () => {
    const r = analyze(`${NET}check ∂L/∂e_{tj} = α_{tj} ∂L/∂α_{tj}`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(
      /takes the path through α_t\[j\] alone, the diagonal of the softmax's Jacobian: every entry of α_t reads e_t\[j\] .* leaves out the term −α_t\[j\] Σ_k α_t\[k\] ∂L\/∂α_t\[k\]/,
    );
  });
  it('the whole Jacobian holds', () => {
    const r = analyze(`${NET}check ∂L/∂e_{tj} = α_{tj} (∂L/∂α_{tj} - Σ_{k=1}^{3} α_{tk} ∂L/∂α_{tk})`);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});

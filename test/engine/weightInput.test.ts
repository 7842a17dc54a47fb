// Géron's GRU multiplies W_hg by r_(t) ⊗ h_(t−1) (probe 52): ∂L/∂W_hg written with h_(t−1) alone where r_(t) ⊗ h_(t−1)
// belongs failed with its values only. Where a parameter multiplies one product in the network and the side writes
// one of its names in the product's place, the message names the product (last in the cascade: where the factor edits
// place the gate, "h_{t-1} needs the factor r_t", they say it first).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
param W_r : 2x2 = [[0.5, -0.1], [0.1, 0.3]]
param W_g : 2x2 = [[0.2, 0.3], [-0.4, 0.1]]
h_0 = [0.1, -0.2]
r_t = σ(W_r x_t)
g_t = tanh(W_gᵀ (r_t ⊙ h_{t-1}) + x_t)
h_t = 0.5 h_{t-1} + 0.5 g_t
loss L = Σ_t sum(h_t)
`;

describe('a weight’s input left incomplete in its gradient', () => {
  it('names the product the weight multiplies', () => {
    const r = analyze(
      `${NET}check ∂L/∂W_g = Σ_t (r_t ⊙ h_{t-1}) (∂L/∂g_t ⊙ (1 - g_t ⊙ g_t))ᵀ\ncheck ∂L/∂W_g = Σ_t h_{t-1} (∂L/∂g_t ⊙ (1 - g_t ⊙ g_t))ᵀ\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(
      /h_\{t-1\} should be r_t ⊙ h_\{t-1\}, what W_g multiplies in g_t's equation: with that the check holds/,
    );
  });
});

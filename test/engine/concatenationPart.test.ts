// A factor left out of one part of a concatenation: the MGU's ∂L/∂W_h = Σ_t (…) [f_t ⊙ h_{t−1}, x_t]ᵀ written with
// [h_{t−1}, x_t]ᵀ gave two values and no reason (session 56): the resolver lays the concatenation out entry by entry,
// and a factor of the part's size fits no site. factorEdit.ts now takes each vector of a concatenation as a site.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const MGU = `T = 3
input x : 1
param W_f : 2x3
param W_h : 2x3
h_0 = [0.1, -0.2]
f_t = σ(W_f [h_{t-1}, x_t])
g_t = tanh(W_h [f_t ⊙ h_{t-1}, x_t])
h_t = (1 - f_t) ⊙ h_{t-1} + f_t ⊙ g_t
loss L = sum(h_T)
`;

describe('a factor left out of a concatenated part', () => {
  it('is named on that part', () => {
    const r = analyze(
      `${MGU}check ∂L/∂W_h = Σ_t (∂L/∂g_t ⊙ (1 - g_t^2)) [f_t ⊙ h_{t-1}, x_t]^T\ncheck ∂L/∂W_h = Σ_t (∂L/∂g_t ⊙ (1 - g_t^2)) [h_{t-1}, x_t]^T\n`,
      FAST,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/h_\{t-1\} needs the factor f_t: with that the check holds/);
  });
});

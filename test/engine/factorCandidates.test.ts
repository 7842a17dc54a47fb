// The factor edits offer the factors of the network's equations. Sutskever et al.'s f_t = diag(W_fx x_t) W_fh h_{t−1}
// has two that no product node held: W_fx x_t (diag(v) g is v ⊙ g) and W_fh h_{t−1} (a matrix's vector, inside the
// left-nested chain); Ba et al.'s g/σ_t has 1/σ_t. A gradient leaving one out gave two values; it now names it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const MRNN = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
param W_hx : 2x2 = [[0.6, -0.4], [0.3, 0.5]]
param W_fx : 3x2 = [[0.4, -0.3], [0.6, 0.2], [-0.5, 0.1]]
param W_fh : 3x2 = [[0.3, 0.5], [-0.2, 0.4], [0.7, -0.1]]
param W_hf : 2x3 = [[0.5, -0.6, 0.2], [0.1, 0.4, -0.3]]
h_0 = [0.1, -0.2]
f_t = diag(W_fx x_t) W_fh h_{t-1}
h_t = tanh(W_hx x_t + W_hf f_t)
loss L = sum(h_T)
`;

const LN = `T = 3
input x = [0.5, -1.0, 0.3]
param W_hh : 3x3 = [[0.5, 0.3, -0.1], [-0.2, 0.6, 0.2], [0.1, -0.3, 0.4]]
param W_xh : 3 = [0.6, -0.4, 0.9]
param g : 3 = [1.2, 0.8, 1.0]
h_0 = [0.1, -0.2, 0.3]
a_t = W_hh h_{t-1} + W_xh x_t
μ_t = mean(a_t)
s_t = sqrt(mean((a_t - μ_t)^2))
h_t = tanh(g/s_t ⊙ (a_t - μ_t))
loss L = sum(h_T)
`;

describe('a count moved by a number', () => {
  it('H − 1 for H is named (the sample’s deviation for the layer’s)', () => {
    const net = LN.replace('a_t = W_hh', 'H = 3\na_t = W_hh');
    const r = analyze(`${net}check s_t = sqrt(1/(H - 1) Σ_{i=1}^{H} (a_t[i] - μ_t)^2)\n`);
    expect(r.checks[0]!.message).toMatch(/H − 1 should be H: with that the check holds/);
  });
});

describe('factors of an equation no product node holds', () => {
  it('the matrix’s vector W_fh h_{t−1}', () => {
    const r = analyze(`${MRNN}check ∂L/∂W_fx = Σ_{t=1}^{T} ∂L/∂f_t x_tᵀ\n`);
    expect(r.checks[0]!.message).toMatch(/∂L\/∂f_t needs the factor W_fh h_\{t-1\}: with that the check holds/);
  });
  it('the vector under diag, W_fx x_t', () => {
    const r = analyze(`${MRNN}check ∂L/∂W_fh = Σ_{t=1}^{T} ∂L/∂f_t h_{t-1}ᵀ\n`);
    expect(r.checks[0]!.message).toMatch(/∂L\/∂f_t needs the factor W_fx x_t: with that the check holds/);
  });
  it('the reciprocal of a divisor, 1/s_t', () => {
    const r = analyze(`${LN}check ∂L/∂g = Σ_{t=1}^{T} ∂L/∂h_t ⊙ tanh'(g/s_t ⊙ (a_t - μ_t)) ⊙ (a_t - μ_t)\n`);
    expect(r.checks[0]!.message).toMatch(/leaves out the factor 1\/s_t: with that the check holds/);
  });
});

// A Jacobian written left of the gradient it multiplies (Prince's ∂f_k/∂h_k ∂ℓ_i/∂f_k, the denominator layout's
// order) is named with the order that needs no transpose; that order named the gradient ∂L/∂f_k whatever the
// file calls its loss. It now writes the gradient's scalar as the side does (∂E/∂f_k), else the loss's name.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[0.5, -1.0], [0.3, 0.8], [-0.6, 0.2]]
target y : 2 = [[0, 0], [0, 0], [0.4, -0.3]]
param Ω : 2x2 = [[0.5, -0.3], [0.2, 0.6]]
param Ψ : 2x2 = [[0.6, -0.4], [0.3, 0.5]]
f_0 = [0.3, -0.2]
h_t = tanh(f_{t-1})
f_t = Ω h_t + Ψ x_t
loss E = sum((f_T - y_T)^2)
`;

describe('the gradient-first order a transposed Jacobian is told', () => {
  it('names the gradient by the file’s loss', () => {
    const r = analyze(`${NET}check ∂E/∂h_t = ∂f_t/∂h_t ∂E/∂f_t\n`);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/written after the gradient, ∂E\/∂f_t ∂f_t\/∂h_t, it needs none/);
  });
});

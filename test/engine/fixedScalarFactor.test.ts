// A fixed scalar the file names (the AntisymmetricRNN's step size ε, the SCRN's α, `ε = 0.5`) left out of a term:
// the local factor hint offered a parameter's factor only, so δ_t = ∂L/∂h_t ⊙ tanh′(z_t) without ε said the values of
// the term and of ∂⁺h_t/∂z_t (session 56). It now names the factor as it names a parameter.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const NET = `T = 3
input x : 2
param W : 2x2
ε = 0.5
h_0 = [0.1, 0.2]
z_t = W h_{t-1} + x_t
h_t = h_{t-1} + ε tanh(z_t)
loss L = sum(h_T)
`;

describe('a fixed scalar left out of a term', () => {
  it('is named', () => {
    const r = analyze(`${NET}check ∂L/∂z_t = ε ∂L/∂h_t ⊙ (1 - tanh(z_t)^2)\ncheck ∂L/∂z_t = ∂L/∂h_t ⊙ (1 - tanh(z_t)^2)\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/it leaves out the factor ε \(∂⁺h_t\/∂z_t has it\)/);
  });
});

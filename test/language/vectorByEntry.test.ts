// ∂h_t/∂W_{12} of a vector h_t: RTRL's sensitivities of every unit by one weight (Williams & Zipser 1989, p^k_{ij}(t) =
// ∂h_k(t)/∂W_ij), carried forward in matrix form: P_t = diag(1 − h_t ⊙ h_t)(W P_{t−1} + [h_2^{(t−1)}; 0]). It was
// refused, "∂A/∂(an entry) needs a scalar A" (session 42, a probe of pasted formulas); it is the vector of the entries'
// derivatives by that entry.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x : 2
param W : 2x2
param U : 2x2
h_0 = [0, 0]
h_t = tanh(W h_{t-1} + U x_t)
loss L = Σ_t sum(h_t)
`;

describe('a vector by an entry of a matrix', () => {
  it('is the vector of the entries’ derivatives: RTRL’s recursion holds, and with Wᵀ it fails naming it', () => {
    const rtrl = 'diag(1 - h_t ⊙ h_t) (W ∂h_{t-1}/∂W_{12} + [h_{t-1}[2], 0])';
    const r = analyze(`${NET}check ∂h_t/∂W_{12} = ${rtrl}\ncheck ∂h_t/∂W_{12} = ${rtrl.replace('(W ', '(Wᵀ ')}\n`, FAST);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/Wᵀ should be W/);
  });

  it('agrees with its entries one by one', () => {
    const r = analyze(`${NET}check (∂h_t/∂W_{12})[1] = ∂h_t[1]/∂W_{12}\ncheck ∂L/∂W_{12} = Σ_t 𝟏ᵀ ∂h_t/∂W_{12}\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});

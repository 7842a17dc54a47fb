// A chain rule's factors added (check/chainAdded.ts): ∂L_3/∂o_3 + ∂o_3/∂h_3 for ∂L_3/∂o_3 · ∂o_3/∂h_3. Every factor
// is right, so the factor hints say nothing; session 55's mutants of the example solutions (· turned +) gave two
// values and no reason.
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';
import { analyze } from '../../src/index';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param W_hy = 1.5
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
o_t = σ(W_hy h_t)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

describe("a chain's factors added", () => {
  it('is named, with the product that mends it', () => {
    expect(failingMessage(NET, '∂L_3/∂h_3 = ∂L_3/∂o_3 + ∂o_3/∂h_3')).toMatch(
      /∂L_3\/∂o_3 \+ ∂o_3\/∂h_3 should be ∂L_3\/∂o_3 ∂o_3\/∂h_3: the chain rule multiplies a chain's factors, and with that product the check holds$/,
    );
  });
  it('inside a longer side, the sum that chains is the one named', () => {
    expect(failingMessage(NET, '∂L/∂h_2 = ∂L_2/∂o_2 + ∂o_2/∂h_2 + ∂L/∂h_3 ∂h_3/∂h_2')).toMatch(/∂L_2\/∂o_2 \+ ∂o_2\/∂h_2 should be/);
  });
  it('says nothing of a sum that does not chain, and the product holds', () => {
    expect(failingMessage(NET, '∂L_3/∂h_3 = ∂L_3/∂o_3 + ∂L_3/∂o_3')).not.toMatch(/chain rule multiplies/);
    const r = analyze(NET + 'check ∂L_3/∂h_3 = ∂L_3/∂o_3 ∂o_3/∂h_3\n');
    expect(r.checks[0]!.status).toBe('holds');
  });
});

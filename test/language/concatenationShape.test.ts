// Olah's LSTM with h_0 = 0 and its shapes on the weights only (session 34): h's size comes from the gates, which read
// it inside [h_{t-1}, x_t]. h was read as a scalar, the concatenation a vector of 2, and every gate "cannot multiply
// W_f (2×3 matrix) and the literal (vector of 2); W_fᵀ (3×2 matrix) fits (a transpose missing?)".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const lstm = (h0: string) => `T = 2
input x : 1
param W_f : 2x3
param W_i : 2x3
param W_C : 2x3
param W_o : 2x3
param v : 2
h_0 = ${h0}
C_0 = 0
f_t = σ(W_f \\cdot [h_{t-1}, x_t])
i_t = σ(W_i \\cdot [h_{t-1}, x_t])
\\tilde{C}_t = \\tanh(W_C \\cdot [h_{t-1}, x_t])
C_t = f_t * C_{t-1} + i_t * \\tilde{C}_t
o_t = σ(W_o [h_{t-1}, x_t])
h_t = o_t * \\tanh(C_t)
loss L = v^\\top h_T
check ∂L/∂o_2 = v ⊙ tanh(C_2)
check ∂L/∂C_1 = ∂L/∂C_2 ⊙ f_2
`;

describe('a concatenation whose part takes its shape from the gates that read it', () => {
  it('h_0 = 0 reads as h_0 = [0, 0] does', () => {
    for (const h0 of ['0', '[0, 0]']) {
      const r = analyze(lstm(h0));
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.diagnostics.filter((d) => d.code === 'concatenation').map((d) => d.message)[0]).toBe(
        '[h_{t-1}, x_t] is read as their concatenation, a vector of 3',
      );
      expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    }
  });

  it('a concatenation that does not fit its weight is still an error', () => {
    const r = analyze(lstm('0').replace('param W_f : 2x3', 'param W_f : 2x4'));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      expect.stringMatching(/^shape mismatch: cannot multiply W_f \(2×4 matrix\) and the literal \(vector of 3\)/),
    ]);
  });
});

// Notes capitalise the diagonal matrix, \operatorname{Diag}(…), and paste the double-struck identity as one character,
// 𝕀 (U+1D540): they were "unknown name Diag" and "unexpected character '𝕀'". Diag is diag; 𝕀 is \mathbb{I}, the
// identity sized by its operand (or the indicator's I before a bracket holding a comparison).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 3
input x : 2 = [[0.5, -1], [0.2, 0.7], [-0.4, 0.3]]
param W_hh : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
param W_xh : 2x2 = [[0.6, 0.1], [-0.2, 0.3]]
h_0 = [0, 0]
h_t = tanh(W_hh h_{t-1} + W_xh x_t)
loss L = \sum_t \|h_t\|^2`;

describe('Diag and 𝕀', () => {
  it('read as diag and the identity, right and with a slip', () => {
    const r = analyze(
      [
        NET,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = \operatorname{Diag}(1 - h_t^2) W_{hh}`,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = \mathrm{Diag}(1 - h_t^2) W_{hh}^\top`,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = (𝕀 - \mathrm{diag}(h_t^2)) W_{hh}`,
        String.raw`check \frac{\partial h_t}{\partial h_{t-1}} = (𝕀 + \mathrm{diag}(h_t^2)) W_{hh}`,
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds', 'fails']);
    expect(r.checks[1]!.message).toContain('W_hhᵀ should be W_hh');
    expect(r.checks[3]!.message).toContain('(I_2 + diag(h_t^2)) should be (I_2 − diag(h_t^2))');
  });
});

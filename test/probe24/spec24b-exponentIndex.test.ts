// d2l.ai (eq. 9.7.15): ∂L/∂h_t = Σ_{i=t}^{T} (W_hhᵀ)^{T−i} W_qhᵀ ∂L/∂o_{T+t−i}. Written with (W_hhᵀ)^{T−t} — the outer
// t for the bound i, a slip a grader circles — the check failed with only its values: the index hints looked at
// steps and bounds, not at a matrix power's exponent (LANGUAGE.md §4: "k may be an index expression, as in
// (W_hhᵀ)^{T-i}"). The exponent is now a site of the Σ's index hint (sumIndex.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { analyzeSolution } from '../../src/solution';

const NET = `T = 3
input x : 2
target y : 2
param W_hx : 2x2
param W_hh : 2x2
param W_qh : 2x2
h_0 = [0, 0]
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
loss L = Σ_t sum((o_t - y_t)^2)/T`;

describe('a matrix power with the wrong index in its exponent is named', () => {
  it('on check lines: the right formulas hold, the wrong exponent is named with the one that holds', () => {
    const r = analyze(
      `${NET}
check ∂L/∂h_t = Σ_{i=t}^{T} (W_hh^T)^{T-i} W_qh^T ∂L/∂o_{T+t-i}
check ∂L/∂h_t = Σ_{i=t}^{T} (W_hh^T)^{T-t} W_qh^T ∂L/∂o_{T+t-i}
check ∂L/∂h_t = Σ_{i=t}^{T} (W_hhᵀ)^{i-t} W_qhᵀ ∂L/∂o_i
check ∂L/∂h_t = Σ_{i=t}^{T} (W_hhᵀ)^{T-t} W_qhᵀ ∂L/∂o_i`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails', 'holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(
      /Inside the Σ over i on the right side, \(W_hhᵀ\)\^\{T-t\} should be \(W_hhᵀ\)\^\{T-i\}: with that index the check holds/,
    );
    expect(r.checks[3]!.message).toMatch(/\(W_hhᵀ\)\^\{T-t\} should be \(W_hhᵀ\)\^\{i-t\}/);
  });

  it('in a solution, as d2l prints it', () => {
    const r = analyzeSolution(
      [
        '```rnn',
        NET,
        '```',
        '',
        String.raw`$$\frac{\partial L}{\partial \mathbf{h}_t}=\sum_{i=t}^T \left(\mathbf{W}_{hh}^\top\right)^{T-i} \mathbf{W}_{qh}^\top \frac{\partial L}{\partial \mathbf{o}_{T+t-i}}.$$`,
        '',
        String.raw`$$\frac{\partial L}{\partial \mathbf{h}_t}=\sum_{i=t}^T \left(\mathbf{W}_{hh}^\top\right)^{T-t} \mathbf{W}_{qh}^\top \frac{\partial L}{\partial \mathbf{o}_{T+t-i}}.$$`,
        '',
      ].join('\n'),
      'markdown',
      { sidecar: null },
    );
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails']);
    expect(r.equations[1]!.message).toMatch(/should be \(W_hhᵀ\)\^\{T-i\}/);
  });
});

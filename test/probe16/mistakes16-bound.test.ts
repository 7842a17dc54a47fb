// Two culprits found probing as a blind test author: a ∏ bound that is right only on the one-step reading is named as
// a bound (it was a coincidental index "fix", ∂h_j/∂h_{j-1} should be ∂h_{i-1}/∂h_{j-1}), and d2l's (2/T)(o_t − y_t)
// written 2(o_t − y_t) keeps the mean loss's cause (T times: a factor 1/T missing), not "the 2 should be 2/3".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SEED002 = `T = 3
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_ph : 2x3
h_0 = [0, 0, 0]
h_t = tanh(W_hx x_t + W_hh h_{t-1})
p_t = W_ph h_t
L = -sum(y_T ⊙ log(softmax(p_T)))
`;

const D2L = `T = 3
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_qh : 2x3
h_0 = [0, 0, 0]
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
L = (1/T) Σ_t sum((o_t - y_t)^2)
`;

const first = (text: string) => analyze(text).checks[0]!;

describe('culprits a blind test author expects', () => {
  it('seed 002 (b) with the ∏ started at j = i: the bound, on the one-step reading', () => {
    const right = first(
      `${SEED002}check ∂L/∂W_hh = Σ_{i=1}^{T} ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} (∏_{j=i+1}^{T} ∂h^{(j)}/∂h^{(j-1)}) ∂h^{(i)}/∂W_hh\n`,
    );
    expect(right.status).toBe('holds-as-one-step');
    const c = first(
      `${SEED002}check ∂L/∂W_hh = Σ_{i=1}^{T} ∂L/∂p^{(T)} ∂p^{(T)}/∂h^{(T)} (∏_{j=i}^{T} ∂h^{(j)}/∂h^{(j-1)}) ∂h^{(i)}/∂W_hh\n`,
    );
    expect(c.status).toBe('fails');
    expect(c.message).toContain('read as one-step derivative');
    expect(c.message).toContain('the ∏ over j on the right side (j = i..3) has one term too many, j = i: without it the check holds');
    expect(c.message).not.toContain('∂h_{i-1}/∂h_{j-1}');
  });

  it('d2l’s ∂L/∂o_t without the 1/T of the mean: the cause, not a number', () => {
    const c = first(`${D2L}check ∂L/∂o_t = 2(o_t - y_t)\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('T = 3 times the left side: it misses a factor 1/T (a loss averaged over the steps)');
    expect(c.message).not.toContain('should be 2/3');
  });

  it('d2l’s Σ_{i=t}^{T} started at i = t + 1: the bound, not the path of the term it leaves out', () => {
    const c = first(`${D2L}check ∂L/∂h_t = Σ_{i=t+1}^{T} (W_hhᵀ)^{T-i} W_qhᵀ ∂L/∂o_{T+t-i}\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The Σ over i on the right side (i = t+1..3) leaves out its first term i = t: with it the check holds');
    expect(c.message).not.toContain('No term covers');
  });
});

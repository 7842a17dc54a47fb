// A sigmoid output with the binary cross-entropy, L_t = −(y_t log ŷ_t + (1 − y_t) log(1 − ŷ_t)), 0/1 targets: the
// textbook's ∂L/∂z_t = ŷ_t − y_t and ∂L/∂ŷ_t = −y_t/ŷ_t + (1 − y_t)/(1 − ŷ_t) hold; a sign slip in the second and the
// sigmoid's slope multiplied in once more are named as such.
import { describe, expect, it } from 'vitest';
import { expectVerdicts } from './verdicts';

const BCE = String.raw`T = 3
input  x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param  W_xh = 0.3
param  W_hh = 0.8
param  b_h  = 0.1
param  W_hy = 1.5
param  b_y  = -0.2
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
z_t = W_hy h_t + b_y
ŷ_t = σ(z_t)
L_t = -(y_t log(ŷ_t) + (1 - y_t) log(1 - ŷ_t))
loss L = Σ_t L_t
`;

describe('sigmoid output and binary cross-entropy', () => {
  it('hold as printed', () => {
    expectVerdicts(BCE, [
      { check: '∂L/∂z_t = ŷ_t - y_t', status: 'holds' },
      { check: '∂L/∂ŷ_t = -y_t/ŷ_t + (1 - y_t)/(1 - ŷ_t)', status: 'holds' },
      { check: '∂L/∂W_hy = Σ_t (ŷ_t - y_t) h_t', status: 'holds' },
      { check: '∂L/∂h_t = (ŷ_t - y_t) W_hy + ∂L/∂h_{t+1} (1 - h_{t+1}^2) W_hh', status: 'holds' },
      { check: '∂L/∂z_t = y_t - ŷ_t', status: 'fails', says: [/a sign is wrong/] },
    ]);
  });

  // the second term's sign wrong was blamed on its step ("should be (1 − y_{t-2})/(1 − ŷ_{t-2})"): moved two steps,
  // the term reads only t = 3, where y_1 = 1 makes it 0 and the check already held — a move that mends nothing
  it('a term with the wrong sign is not blamed on a step that mends nothing', () => {
    const r = expectVerdicts(BCE, [
      {
        check: '∂L/∂ŷ_t = -y_t/ŷ_t - (1 - y_t)/(1 - ŷ_t)',
        status: 'fails',
        // the term's sign, not its 1 − y_t written backwards (session 41: a term's sign is tried before a difference from a number)
        says: [/The term \(1 − y_t\)\/\(1 − (?:ŷ|y\u0302)_t\) has the wrong sign: with that the check holds/],
      },
    ]);
    for (const c of r.checks) if (c.status === 'fails') expect(c.message).not.toMatch(/t-2|every step of it/);
  });

  // σ's slope multiplied into ŷ_t − y_t, which is already ∂L/∂z_t: the failure named nothing
  it("σ' counted twice is named", () => {
    expectVerdicts(BCE, [
      {
        check: '∂L/∂z_t = (ŷ_t - y_t) ŷ_t (1 - ŷ_t)',
        status: 'fails',
        says: [
          /The right side is ∂L\/∂z_t times σ'\(z_t\) = (?:ŷ|y\u0302)_t\(1 − (?:ŷ|y\u0302)_t\), the slope of (?:ŷ|y\u0302)_t = σ\(z_t\): that slope is counted twice/,
        ],
      },
    ]);
  });
});

// One slip copied into two places of a formula (W_hhᵀ for W_hh in both factors of a product of step Jacobians) was named
// as two mistakes: "Two things differ: the first W_hhᵀ should be W_hh, and the second W_hhᵀ should be W_hh". Where one
// consistent edit — the same value changed alike at both places — makes the check hold, it is named once
// (check/factorEdit.ts `sameEdit`); a step moved at two of three places where a value is written is tried so too.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';

const VECTOR = `T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
param W_xh : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param W_hh : 2x2 = [[0.5, 0.1], [-0.3, 0.2]]
h_0 = [0, 0]
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t sum(h_t)
`;

const SCALAR = `T = 3
param w = 0.5
param w_h = 0.8
input x = [1, 2, 3]
h_0 = 0
h_t = tanh(w x_t + w_h h_{t-1})
loss L = Σ_t h_t^2
`;

describe('the same slip in two places is named once', () => {
  it('a transpose written in both factors of a product of Jacobians', () => {
    expectVerdicts(VECTOR, [
      { check: '∂h_3/∂h_1 = diag(1 - h_3^2) W_hh diag(1 - h_2^2) W_hh', status: 'holds' },
      {
        check: '∂h_3/∂h_1 = diag(1 - h_3^2) W_hh^T diag(1 - h_2^2) W_hh^T',
        status: 'fails',
        says: [/\]\]\. W_hhᵀ should be W_hh, both times it is written: with that the check holds$/],
      },
      {
        check: '∂h_t/∂h_{t-2} = diag(1 - h_t^2) W_hh^T diag(1 - h_{t-1}^2) W_hh^T',
        status: 'fails',
        says: [/W_hhᵀ should be W_hh, both times it is written: with that the check holds$/],
      },
      // two different slips are still two
      {
        check: '∂h_3/∂h_1 = diag(1 - h_3^2) W_hh^T diag(1 - h_2^2) W_hh',
        status: 'fails',
        says: [/The first W_hhᵀ should be W_hh|W_hhᵀ should be W_hh/],
      },
    ]);
  });

  it('a step moved at two of the three places a name is written', () => {
    expectVerdicts(SCALAR, [
      { check: '∂⁺h_t/∂w_h = (1 - h_t)(1 + h_t) h_{t-1}', status: 'holds' },
      {
        check: '∂⁺h_t/∂w_h = (1 - h_{t-1})(1 + h_{t-1}) h_{t-1}',
        status: 'fails',
        says: [/\)\. The first and the second h_\{t-1\} should be h_t \(the same slip twice\): with that the check holds$/],
      },
      {
        check: '∂⁺h_3/∂w_h = (1 - h_2)(1 + h_2) h_2',
        status: 'fails',
        says: [/\)\. The first and the second h_2 should be h_3 \(the same slip twice\): with that the check holds$/],
      },
      // every place alike: substitute.ts's "each", as before
      {
        check: '∂h_t/∂h_{t-1} = w_h (1 - h_{t-1})(1 + h_{t-1})',
        status: 'fails',
        says: [/\. Each h_\{t-1\} should be h_t: with that the check holds$/],
      },
    ]);
  });

  // session 43: another name written for the one meant at two of its three places (substitute.ts `twos`), where
  // "each h_t" and one h_t alone both fail; the name meant is one the side writes elsewhere
  const OUTPUT = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [0.2, 0.4, 0.6]
param w = 0.6
param u = 0.9
param v = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
o_t = σ(v h_t)
L_t = (o_t - y_t)^2
loss L = Σ_t L_t
`;
  it('a name replaced by another at two of the three places it is written', () => {
    expectVerdicts(OUTPUT, [
      { check: '∂L/∂v = Σ_t 2(o_t - y_t) o_t (1 - o_t) h_t', status: 'holds' },
      {
        check: '∂L/∂v = Σ_t 2(o_t - y_t) h_t (1 - h_t) h_t',
        status: 'fails',
        says: [/\)\. The first and the second h_t should be o_t \(the same slip twice\): with that the check holds$/],
      },
      {
        check: '∂L_t/∂v = 2(o_t - y_t) h_t (1 - h_t) h_t',
        status: 'fails',
        says: [/The first and the second h_t should be o_t \(the same slip twice\)/],
      },
      // at one place: the single edit, as before
      {
        check: '∂L/∂v = Σ_t 2(o_t - y_t) h_t (1 - o_t) h_t',
        status: 'fails',
        says: [/\. The first h_t should be o_t: with that the check holds$/],
      },
    ]);
  });
});

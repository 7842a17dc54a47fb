// A factor left out inside a ∏ (d2l's ∂h_t/∂w_h = Σ_{i=1}^{t} (∏_{j=i+1}^{t} w_h (1 − h_j²)) (1 − h_i²) h_{i-1} without the
// ∏'s (1 − h_j²)) got its two values alone: the one-edit hints insert a factor beside a term, never inside a ∏'s body at
// its variable. Now the factor the formula writes elsewhere (read at the ∏'s variable), or one of the step's Jacobian,
// is re-inserted, and named where that makes the check hold at the file's values and at a draw (check/prodFactor.ts).
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';

const NET = `T = 3
param w = 0.5
param w_h = 0.8
input x = [1, 2, 3]
h_0 = 0
h_t = tanh(w x_t + w_h h_{t-1})
loss L = Σ_t h_t^2
`;

const VECTOR = `T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
param W_xh : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param W_hh : 2x2 = [[0.5, 0.1], [-0.3, 0.2]]
h_0 = [0, 0]
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t sum(h_t)
`;

describe('a factor missing inside a ∏', () => {
  it('d2l’s scalar formula: the slope the formula writes beside the ∏, or the weight of the step’s Jacobian', () => {
    expectVerdicts(NET, [
      { check: '∂h_t/∂w_h = Σ_{i=1}^{t} (∏_{j=i+1}^{t} w_h (1 - h_j^2)) (1 - h_i^2) h_{i-1}', status: 'holds' },
      {
        check: '∂h_t/∂w_h = Σ_{i=1}^{t} (∏_{j=i+1}^{t} w_h) (1 - h_i^2) h_{i-1}',
        status: 'fails',
        says: [/\. The factor 1 − h_j\^2 is missing inside the ∏ over j, beside w_h: with it the check holds$/],
      },
      {
        check: '∂h_3/∂w_h = Σ_{i=1}^{3} (∏_{j=i+1}^{3} (1 - h_j^2)) (1 - h_i^2) h_{i-1}',
        status: 'fails',
        says: [/\. The factor w_h is missing inside the ∏ over j, beside 1 − h_j\^2: with it the check holds$/],
      },
    ]);
  });

  it('is said only where it holds at a draw too, and not for two factors missing', () => {
    expectVerdicts(NET, [
      // x_1 − 1 is 0 at the file's values only: the factor re-inserted mends the line there, not at a draw
      {
        check: '∂h_3/∂w_h = Σ_{i=1}^{3} (∏_{j=i+1}^{3} w_h) (1 - h_i^2) h_{i-1} + x_1 - 1',
        status: 'fails',
        says: [/^fails: the left side is 0\.0458881, the right side 0\.126169 \(difference -0\.08028\)$/],
      },
      {
        check: '∂h_3/∂w_h = Σ_{i=1}^{3} (∏_{j=i+1}^{3} w_h) h_{i-1}',
        status: 'fails',
        says: [/^fails: the left side is 0\.0458881, the right side 1\.24832 \(difference -1\.202\)$/],
      },
    ]);
  });

  it('a vector network: the slope’s diag inside a ∏ of matrices', () => {
    expectVerdicts(VECTOR, [
      { check: '∂L/∂h_1 = Σ_{t=1}^{3} [1, 1] ∏_{j=2}^{t} diag(1 - h_j^2) W_hh', status: 'holds' },
      {
        check: '∂L/∂h_1 = Σ_{t=1}^{3} [1, 1] ∏_{j=2}^{t} W_hh',
        status: 'fails',
        says: [
          /The factor diag\(tanh′\(W_xh x_j \+ W_hh h_\{j-1\}\)\) is missing inside the ∏ over j, beside W_hh: with it the check holds$/,
        ],
      },
    ]);
  });
});

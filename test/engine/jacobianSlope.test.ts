// A step's Jacobian written as a bare product without its activation's slope (∂h_t/∂h_{t−1} = W_hh where seed 001's
// sheet writes σ'(h̃_t) W_hh), or with a slope too many (∂a_t/∂h_{t−1} = diag(1 − h_t²) W): failed with the two values
// only (no term to match, and W_hh reads no step for the factor edits to place a slope at). A grader names the slope.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';

const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';

const VECTOR = String.raw`T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b : 3 = [0.05, -0.11, 0.17]
h_0 = [0.1, -0.2, 0.3]
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
loss L = Σ_t sum(h_t ⊙ h_t)
`;

describe("a Jacobian's activation slope left out or written once too often", () => {
  it('scalar (seed 001): σ′(h̃_t) before W_hh, at the step the chain leaves it out', () => {
    expectVerdicts(SEED001, [
      { check: "∂h_t/∂h_{t-1} = σ'(h̃_t) W_hh", status: 'holds' },
      {
        check: '∂h_t/∂h_{t-1} = W_hh',
        status: 'fails',
        says: [/\. The factor σ′\(h̃_t\) is missing before W_hh: with it the check holds$/],
      },
      { check: "∂h_3/∂h_1 = W_hh σ'(h̃_2) W_hh", status: 'fails', says: [/The factor σ′\(h̃_3\) is missing before W_hh/] },
    ]);
  });

  it('vector: diag(1 − h_t²) missing, and one too many in ∂a_t/∂h_{t−1}', () => {
    expectVerdicts(VECTOR, [
      { check: '∂h_3/∂h_1 = diag(1 - h_3^2) W diag(1 - h_2^2) W', status: 'holds' },
      {
        check: '∂h_t/∂h_{t-1} = W',
        status: 'fails',
        says: [/\. The factor tanh′\(a_t\) — diag\(1 − h²\) in matrix form — is missing before W: with it the check holds$/],
      },
      {
        check: '∂h_3/∂h_1 = diag(1 - h_3^2) W W',
        status: 'fails',
        says: [/The factor tanh′\(a_2\) — diag\(1 − h²\) in matrix form — is missing between W and W: with it the check holds$/],
      },
      {
        check: '∂a_t/∂h_{t-1} = diag(1 - h_t^2) W',
        status: 'fails',
        says: [/\. diag\(1 − h_t\^2\) is one factor too many: without it the check holds$/],
      },
    ]);
  });
});

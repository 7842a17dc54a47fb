// A ∏ of a backward recurrence's Jacobians written out by hand (session 30): ∏_{k=1}^{3} diag(1 − g_k²) R for
// ∂g_1/∂g_4 reads in the order its chain runs, the earlier step on the left, as ∏ ∂g_k/∂g_{k+1} does (it multiplied
// with the later index on the left and failed with "g_k should be g_{T−k}").
import { describe, it } from 'vitest';
import { expectVerdicts } from './verdicts';

/** a backward recurrence g_t = tanh(R g_{t+1} + U x_t) from a terminal state g_5, n = 3 */
const BACKWARD = String.raw`T = 4
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  R : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
g_5 = [0.1, -0.2, 0.3]
g_t = tanh(R g_{t+1} + U x_t)
loss L = sum(g_1)
`;

describe('a ∏ of a backward recurrence’s Jacobians, written out by hand', () => {
  // it multiplied with the later index on the left, the forward chain's order, and failed: "g_k should be g_{T−k}"
  it('reads in the order its chain runs, as ∏ ∂g_k/∂g_{k+1} does', () => {
    expectVerdicts(BACKWARD, [
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} diag(1 - g_k^2) R`, status: 'holds' },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} ∂g_k/∂g_{k+1}`, status: 'holds' },
      { check: String.raw`∂g_1/∂g_4 = diag(1 - g_1^2) R diag(1 - g_2^2) R diag(1 - g_3^2) R`, status: 'holds' },
      { check: String.raw`∂g_t/∂g_k = \prod_{i=t}^{k-1} diag(1 - g_i^2) R`, status: 'holds' },
      { check: String.raw`∂L/∂g_4 = ∂L/∂g_1 \prod_{k=1}^{3} diag(1 - g_k^2) R`, status: 'holds' },
    ]);
  });

  it('its mistakes are named as before', () => {
    expectVerdicts(BACKWARD, [
      {
        check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} R diag(1 - g_k^2)`,
        status: 'fails',
        says: [/R diag\(1 − g_k\^2\) should be diag\(1 − g_k\^2\) R: with its two factors in that order/],
      },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} diag(1 - g_{k+1}^2) R`, status: 'fails', says: [/g_\{k\+1\} should be g_k/] },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=2}^{3} diag(1 - g_k^2) R`, status: 'fails', says: [/leaves out its first term k = 1/] },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} diag(1 - g_k^2) R^T`, status: 'fails', says: [/Rᵀ should be R/] },
    ]);
  });
});

/** a bidirectional network: h forward, g backward through its pre-activation a, both read by the output */
const BIDIRECTIONAL = String.raw`T = 4
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
param  R : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
h_0 = [0.2, 0.1, -0.3]
g_5 = [0.1, -0.2, 0.3]
h_t = tanh(W h_{t-1} + U x_t)
a_t = R g_{t+1} + U x_t
g_t = tanh(a_t)
o_t = h_t + g_t
loss L = Σ_t sum(o_t ⊙ o_t)
`;

describe('the order follows the recurrence the body reads', () => {
  it('a forward body keeps the later step on the left; a backward one, through its pre-activation, the earlier', () => {
    expectVerdicts(BIDIRECTIONAL, [
      { check: String.raw`∂h_4/∂h_1 = \prod_{k=2}^{4} diag(1 - h_k^2) W`, status: 'holds' },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} diag(tanh'(a_k)) R`, status: 'holds' },
      { check: String.raw`∂g_1/∂g_4 = \prod_{k=1}^{3} diag(1 - g_k^2) R`, status: 'holds' },
      { check: String.raw`∂h_4/∂h_1 = \prod_{k=2}^{4} W diag(1 - h_k^2)`, status: 'fails', says: [/two factors in that order/] },
      // the loss's gradient by the backward half's last step, each step's output through the chain g_t → … → g_4
      { check: String.raw`∂L/∂g_4 = \sum_{t=1}^{4} 2 o_t \prod_{k=t}^{3} diag(1 - g_k^2) R`, status: 'holds' },
      {
        check: String.raw`∂L/∂g_4 = \sum_{t=1}^{4} 2 o_t \prod_{k=t+1}^{3} diag(1 - g_k^2) R`,
        status: 'fails',
        says: [/leaves out its first term k = t/],
      },
      {
        check: String.raw`∂L/∂g_4 = \sum_{t=1}^{4} (\prod_{k=t}^{3} diag(1 - g_k^2) R) 2 o_t`,
        status: 'fails',
        says: [
          /\(∏_\{k=t\}\^\{3\} diag\(1 − g_k\^2\) R\)·2 o_t should be o_t \(∏_\{k=t\}\^\{3\} diag\(1 − g_k\^2\) R\)·2: a gradient is a row/,
        ],
      },
    ]);
  });
});

describe('a backward recursion with a step’s slope and weight swapped', () => {
  // g_t reaches g_{t+1} through its pre-activation a_t, so the term matcher read ∂L/∂g_{t−1} R diag(1 − g_{t−1}²) as
  // "no path from g_2 to L and no term covers the path g_2 → a_1 → g_1 → o_1 → L"
  it('names the two factors’ order', () => {
    expectVerdicts(BIDIRECTIONAL, [
      { check: String.raw`∂L/∂g_t = 2 o_t + ∂L/∂g_{t-1} diag(1 - g_{t-1}^2) R for t = 2..4`, status: 'holds' },
      {
        check: String.raw`∂L/∂g_t = 2 o_t + ∂L/∂g_{t-1} R diag(1 - g_{t-1}^2) for t = 2..4`,
        status: 'fails',
        says: [/R diag\(1 − g_\{t-1\}\^2\) should be diag\(1 − g_\{t-1\}\^2\) R: with its two factors in that order the check holds/],
      },
    ]);
  });
});

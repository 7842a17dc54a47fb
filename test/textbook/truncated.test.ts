// Backpropagation through time summed over the steps as printed — min-char-rnn's network as equations (n = 3, 2
// inputs, softmax and cross-entropy with one-hot targets), ∂L/∂W_hh = Σ_t Σ_{k≤t} ∂L_t/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W_hh,
// and d2l.ai's ∂L/∂h_t = Σ_{i=t}^{T} (W_hhᵀ)^{i−t} W_qhᵀ ∂L/∂o_i — against the two slips a student makes in such a
// sum: the range cut short (truncated BPTT's window taken for the whole gradient) and ∂h_k/∂h_t for ∂h_t/∂h_k.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { expectVerdicts } from './verdicts';

const CHAR_RNN = String.raw`T = 4
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3], [0.5, 0.6]]
target c : 3 = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]
param  W_xh : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W_hh : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  b_h : 3 = [0.05, -0.11, 0.17]
param  W_hy : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
param  b_y : 3 = [0.02, -0.09, 0.13]
h_0 = [0.1, -0.2, 0.3]
h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)
y_t = W_hy h_t + b_y
p_t = softmax(y_t)
L_t = -sum(c_t ⊙ log(p_t))
loss L = Σ_t L_t
`;

const D2L = String.raw`T = 4
input  x : 2 = [[0.6, -0.2], [0.3, 0.8], [-0.5, 0.4], [0.9, -0.7]]
target y : 3 = [[0.2, -0.1, 0.4], [0.5, 0.3, -0.6], [-0.2, 0.7, 0.1], [0.3, -0.4, 0.2]]
param  W_hx : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W_hh : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  W_qh : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
h_0 = [0.1, -0.2, 0.3]
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
l_t = sum((o_t - y_t)^2) / 2
loss L = \frac{1}{T} \sum_{t=1}^T l_t
`;

describe('BPTT as a double sum over the steps (min-char-rnn network)', () => {
  it('holds as printed; ∂⁺h_k/∂W_hh written out holds too', () => {
    expectVerdicts(CHAR_RNN, [
      { check: '∂L/∂W_hh = Σ_t Σ_{k=1}^{t} ∂L_t/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W_hh', status: 'holds' },
      { check: '∂L/∂W_hh = Σ_t Σ_{k=1}^{t} ∂L_t/∂h_t ∂h_t/∂h_k diag(1 - h_k^2) h_{k-1}ᵀ', status: 'holds' },
      { check: '∂L_t/∂W_hh = Σ_{k=1}^{t} ∂L_t/∂h_t (∏_{i=k+1}^{t} diag(1 - h_i^2) W_hh) ∂⁺h_k/∂W_hh', status: 'holds' },
      { check: '∂L/∂y_t = p_t - c_t', status: 'holds' },
    ]);
  });

  // a window of two steps (truncated BPTT, k = t−1..t) failed with both values and nothing more: the one-step
  // moves of a bound cannot reach k = 1 at T = 4
  it('a truncated window is named as one', () => {
    expectVerdicts(CHAR_RNN, [
      {
        check: '∂L/∂W_hh = Σ_t Σ_{k=t-1}^{t} ∂L_t/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W_hh',
        status: 'fails',
        says: [
          /The Σ over k on the right side \(k = t−1\.\.t\) is cut short: it leaves out the terms k = 1\.\.t−2 .*from k = 1, the check holds/,
        ],
      },
      // a bound one step off is still said as such
      {
        check: '∂L/∂W_hh = Σ_t Σ_{k=1}^{t-1} ∂L_t/∂h_t ∂h_t/∂h_k ∂⁺h_k/∂W_hh',
        status: 'fails',
        says: [/leaves out its last term k = t: with it the check holds/],
      },
    ]);
    expectVerdicts(D2L, [
      { check: String.raw`∂L/∂h_t = \sum_{i=t}^{T} (W_hhᵀ)^{i-t} W_qhᵀ ∂L/∂o_i`, status: 'holds' },
      {
        check: String.raw`∂L/∂h_t = \sum_{i=t}^{t+1} (W_hhᵀ)^{i-t} W_qhᵀ ∂L/∂o_i`,
        status: 'fails',
        says: [/\(i = t\.\.t\+1\) is cut short: it leaves out the terms i = t\+2\.\.T .*up to i = T, the check holds/],
      },
    ]);
  });

  // ∂h_k/∂h_t (0 for k < t, I at k = t) reduced the side to each step's own term, and the message said the sum was
  // taken one-step, which the student did not write
  it('∂h_k/∂h_t for ∂h_t/∂h_k is named as upside down', () => {
    expectVerdicts(CHAR_RNN, [
      {
        check: '∂L/∂W_hh = Σ_t Σ_{k=1}^{t} ∂L_t/∂h_t ∂h_k/∂h_t ∂⁺h_k/∂W_hh',
        status: 'fails',
        says: [/∂h_k\/∂h_t is upside down \(its numerator and denominator swapped\): with ∂h_t\/∂h_k in its place the check holds/],
      },
    ]);
  });
});

// a denominator-layout habit: the 3-tensor written before the gradient it should follow. The shape error said only
// "cannot multiply the derivative (3×3×2 tensor) and the derivative (vector of 3)"
describe('a 3-tensor written before its gradient', () => {
  it('the shape error says the order that reads', () => {
    const r = analyze(`${CHAR_RNN}check ∂L/∂W_xh = Σ_t ∂⁺h_t/∂W_xh ∂L/∂h_t\n`);
    const line = CHAR_RNN.split('\n').length;
    const err = r.diagnostics.filter((d) => d.severity === 'error');
    expect(err.map((d) => d.line)).toEqual([line]);
    expect(err[0]!.message).toMatch(
      /cannot multiply the derivative \(3×3×2 tensor\) and the derivative \(vector of 3\); a gradient multiplies a 3-tensor from the left, contracting its first index: ∂L\/∂h_t ∂⁺h_t\/∂W_xh/,
    );
    // and in that order the check holds
    expectVerdicts(CHAR_RNN, [{ check: '∂L/∂W_xh = Σ_t ∂L/∂h_t ∂⁺h_t/∂W_xh', status: 'holds' }]);
  });
});

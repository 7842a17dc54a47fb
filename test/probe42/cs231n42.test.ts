// Probe 42 (session 55): CS231n assignment 3's rnn_step_backward written as maths, rows for vectors (x_t : 1×D):
// dtanh = (1 − next_h²) ⊙ dnext_h, dprev_h = dtanh W_hᵀ, dW_x = Σ_t x_tᵀ dtanh. Found and fixed: \text{dtanh} and
// \text{dx} vanished as prose ("expected a value, found '='", and ∂L/∂x_t = \text{dtanh} W_xᵀ was judged as
// ∂L/∂x_t = W_xᵀ); dtanh was "unknown name dtanh" (names.ts functionGradient: da_t, the tanh's argument); dW_x = … as
// the first display was "defines dW by a derivative"; dtanh x_tᵀ (factors exchanged, no product) was skipped as a shape
// mismatch (expressions.ts exchanged: it fails naming the order that forms); x and dx with no step beside next_h,
// dtanh were "x is a sequence" (stepWords.ts stepFunctionInput: the step's input).
import { describe, expect, it } from 'vitest';
import { read42 } from './read42';

describe('CS231n’s vanilla RNN step backward', () => {
  const { r, v } = read42('cs231n-rnn-step.md');
  it('every equation reads; the step backward and the sums over the steps hold', () => {
    expect(r.checked).toBe(18);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '4a', '5', '6', '7', '8', '9', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(JSON.stringify(r.diagnostics)).toMatch(/dtanh \(code's gradient at the tanh's argument\) is read as da_t/);
  });
  it('x and dx with no step, beside the step function’s names, are the step’s input and its gradient, said so', () => {
    expect(JSON.stringify(r.diagnostics)).toMatch(/x is read as x_t: the step's input/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2 \(that is σ's slope/);
    expect(v['m2']!.message).toMatch(/W_h should be W_hᵀ: with that transpose the check holds/);
    expect(v['m3']!.message).toMatch(
      /in the other order, x_tᵀ ∂L\/∂a_t \(2×3 matrix\) fits \(the factors exchanged\?\)\. With x_tᵀ ∂L\/∂a_t for ∂L\/∂a_t x_tᵀ: holds/,
    );
    expect(v['m4']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m5']!.message).toMatch(/∂L\/∂a_t should be ∂L\/∂a_\{t\+1\}: with that step the check holds/);
    expect(v['m6']!.message).toMatch(/W_xᵀ \(3×2 matrix\) fits \(a transpose missing\?\)\. With W_xᵀ for W_x: holds/);
  });
});

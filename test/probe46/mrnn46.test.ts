// Probe 46 (session 57): Sutskever, Martens & Hinton's multiplicative RNN — f_t = diag(W_fx x_t) W_fh h_{t−1}, the
// input-chosen transition W_hf diag(W_fx x_t) W_fh — its Jacobian and the gradients of the three factor matrices. It
// needed: the factor edits to offer diag's vector (W_fx x_t: diag(v) g = v ⊙ g) and a matrix's vector (W_fh h_{t−1})
// as factors (u4, u5 gave two values), and W_hh^{(x_t)}, the matrix the input chooses, a precise skip (it was "unknown
// name W_hh — did you mean W_hx?").
import { describe, expect, it } from 'vitest';
import { read46 } from './read46';

describe('the multiplicative RNN’s factored transition', () => {
  const { r, v, e } = read46('multiplicative-rnn.md');
  it('the network, the transition’s Jacobian and the factor gradients hold', () => {
    expect(r.checked).toBe(18);
    expect(r.skipped).toBe(1);
    for (const tag of ['1', '2', '3', '5', '6', '7', '8', '9', '10', '11', '12']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the input-chosen W_hh^{(x_t)} is skipped, saying what it is', () => {
    expect(e['4']!.checks).toHaveLength(0);
    expect(e['4']!.message).toMatch(/W_hh\^\{\(x_t\)\}, a matrix chosen by the input x at each step .* is no name of the network/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['u1']!.message).toMatch(/h_t ⊙ \(1 − h_t\) should be 1 − h_t\^2/);
    expect(v['u2']!.message).toMatch(/x_\{t-1\} should be x_t: with that step the check holds/);
    expect(v['u3']!.message).toMatch(/W_hfᵀ \(3×2 matrix\) fits .* With W_hfᵀ for W_hf: holds/);
    expect(v['u4']!.message).toMatch(/∂L\/∂f_t needs the factor W_fh h_\{t-1\}: with that the check holds/);
    expect(v['u5']!.message).toMatch(/∂L\/∂f_t needs the factor W_fx x_t: with that the check holds/);
    expect(v['u6']!.message).toMatch(/leaves out the path through f_\{t\+1\}/);
    expect(v['u7']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
  });
});

// A ∏ of vector Jacobians judged factor by factor (session 15, check15 gap 2): Pascanu et al.'s
// ∂h_t/∂h_k = ∏_{t≥i>k} W_recᵀ diag(σ'(…)) is the denominator layout, named as such; a factor's wrong step, missing
// or extra transpose and swapped order are named. The networks are a test author's own.

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

function verdict(net: string, check: string): { status: string; message: string } {
  const r = analyze(`${net}\ncheck ${check}\n`);
  expect(r.checks).toHaveLength(1);
  return r.checks[0]!;
}

const SIG = `T = 4
input x : 2
param W_xh : 3x2
param W_hh : 3x3
param b : 3
h_0 = 0
a_t = W_xh x_t + W_hh h_{t-1} + b
h_t = σ(a_t)
loss L = sum(h_T)`;
const TANH = `T = 3
input x : 2
param W_xh : 3x2
param W_hh : 3x3
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = sum(h_T)`;

describe('a ∏ of vector Jacobians (check15 gap 2)', () => {
  it('holds in numerator layout, written either way round the bounds', () => {
    expect(verdict(SIG, "∂h_t/∂h_k = ∏_{i=k+1}^{t} diag(σ'(a_i)) W_hh").status).toBe('holds');
    expect(verdict(SIG, "∂h_t/∂h_k = ∏_{t≥i>k} diag(σ'(a_i)) W_hh").status).toBe('holds');
    expect(verdict(TANH, '∂h_3/∂h_1 = ∏_{i=2}^{3} diag(1 - h_i^2) W_hh').status).toBe('holds');
  });
  it("Pascanu et al.'s W_hhᵀ diag(…) is named as the denominator layout, with the factor to write", () => {
    for (const [net, check, factor] of [
      [SIG, "∂h_t/∂h_k = ∏_{t≥i>k} W_hh^T diag(σ'(a_i))", 'diag(σ′(a_i)) W_hh'],
      [SIG, "∂h_4/∂h_1 = ∏_{i=2}^{4} W_hh^T diag(σ'(a_i))", 'diag(σ′(a_i)) W_hh'],
      [TANH, '∂h_3/∂h_1 = ∏_{i=2}^{3} W_hh^T diag(1 - h_i^2)', 'diag(1 − h_i^2) W_hh'],
    ] as const) {
      const v = verdict(net, check);
      expect(v.status).toBe('fails');
      expect(v.message).toContain('is (∂h_i/∂h_{i-1})ᵀ at every i: the denominator layout');
      expect(v.message).toContain(`so each factor is ${factor} and the later step stands on the left`);
    }
  });
  it('a factor with two slips is judged as the one-step check it stands for', () => {
    const v = verdict(TANH, '∂h_3/∂h_1 = ∏_{i=2}^{3} diag(1 - h_{i-1}^2) W_hh^T');
    expect(v.message).toContain("The ∏'s factor diag(1 − h_{i-1}^2) W_hhᵀ should be ∂h_i/∂h_{i-1}; at i = 2");
    expect(v.message).toContain('W_hhᵀ should be W_hh, and h_{t-1} should be h_t');
  });
  it('a wrong step, a transpose and the order of the two factors are named', () => {
    expect(verdict(SIG, "∂h_t/∂h_k = ∏_{i=k+1}^{t} diag(σ'(a_{i-1})) W_hh").message).toContain('a_{i-1} should be a_i');
    expect(verdict(SIG, "∂h_t/∂h_k = ∏_{i=k+1}^{t} diag(σ'(a_i)) W_hh^T").message).toContain('W_hhᵀ should be W_hh');
    expect(verdict(SIG, "∂h_t/∂h_k = ∏_{i=k+1}^{t} W_hh diag(σ'(a_i))").message).toContain(
      'W_hh diag(σ′(a_i)) should be diag(σ′(a_i)) W_hh',
    );
  });
  it("a factor's hint that opens with a name keeps the name's case inside the ∏'s message", () => {
    // the ∏'s factor is judged before the hints that read the whole line (session 34); the inner hint opened with
    // W_hhᵀ and was lowered to "w_hhᵀ should be W_hh"
    const v = verdict(SIG, "∂h_t/∂h_k = ∏_{i=k+1}^{t} diag(σ'(a_i)) W_hh^T");
    expect(v.message).toContain("The ∏'s factor diag(σ′(a_i)) W_hhᵀ should be ∂h_i/∂h_{i-1}");
    expect(v.message).toContain(': W_hhᵀ should be W_hh');
    expect(v.message).not.toContain('w_hh');
  });
});

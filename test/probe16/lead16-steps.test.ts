// A network equation written with another letter for its step (z_k = w_k p_{k-1}, as seed 003 numbers layers k)
// made names z_k and p_k of their own, and every use said "unknown name p" (mistakes16). Now one error at each such
// definition says what to write, and uses say the name is not available (LANGUAGE.md §6: no cascades).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

describe('a definition written with k for its step', () => {
  it('is an error at the definition, naming t; uses are "not available", not "unknown"', () => {
    const r = analyze(
      'T = 3\nparam w_t = [0.5, 0.2, -0.3]\np_0 = 1\nz_k = w_k p_{k-1}\np_k = σ(z_k)\nloss E = (p_T - 1)^2\nderive ∂E/∂w_1\n',
    );
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([4, 5]);
    expect(errors[0]!.message).toMatch(/write z_t = … \(with t for k\)/);
    expect(r.diagnostics.some((d) => /unknown name/.test(d.message))).toBe(false);
    expect(r.diagnostics.some((d) => /p is not available/.test(d.message))).toBe(true);
  });
  it('a name that ends in a letter and does not use it as an index stays a name (W_o = 2 W_x)', () => {
    const r = analyze('T = 2\nparam W_x = 0.5\ninput x = [1, 2]\nW_o = 2 W_x\nh_0 = 0\nh_t = tanh(W_o h_{t-1} + x_t)\nloss L = h_T\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a gate named with a letter stays a name', () => {
  it('z_f = W_f x_t + U_f h_{t-1}: no error (the right side does not step with f)', () => {
    const r = analyze(
      'T = 2\nparam W_f = 0.5\nparam U_f = 0.3\ninput x = [1, 2]\nh_0 = 0\nz_f = W_f + U_f\nh_t = tanh(z_f h_{t-1} + x_t)\nloss L = h_T\n',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

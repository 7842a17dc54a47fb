// Pascanu's ∂h_t/∂h_k = ∏ … for k = 1..t (or k ≤ t, k < t, k = 1, …, t): a free index's range bounded by t. It was
// refused ("the range of k must be integers … for k = 1..T-1", a claim the student did not write); now the check is
// judged at the pairs within it (session 41, a probe of textbook formulas).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
param W_xh : 2x2 = [[0.3, -0.2], [0.1, 0.4]]
param W_hh : 2x2 = [[0.5, 0.1], [-0.3, 0.2]]
h_0 = [0, 0]
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t sum(h_t)
`;
const JACOBIAN = '∂h_t/∂h_k = ∏_{j=k+1}^{t} diag(1 - h_j^2) W_hh';

describe('a range of k bounded by t', () => {
  it('judges the pairs within it, and says which', () => {
    const r = analyze(`${NET}check ${JACOBIAN} for k = 1..t\ncheck ${JACOBIAN} for k ≤ t\ncheck ${JACOBIAN} for k < t\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(/^holds for t = 1..3 and k = 1..3 \(the 6 of 9 pairs with k ≤ t\)/);
    expect(r.checks[2]!.message).toMatch(/^holds for t = 2..3 and k = 1..2 \(the 3 of 4 pairs with k ≤ t-1\)/);
  });

  it('fails where a pair within it fails', () => {
    const r = analyze(`${NET}check ∂h_t/∂h_k = ∏_{j=k+1}^{t} W_hh diag(1 - h_j^2) for k = 1..t\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/should be diag\(1 − h_j\^2\) W_hh/);
  });

  it('is an error where t is no free index of the check', () => {
    const r = analyze(`${NET}check ∂h_2/∂h_k = diag(1 - h_2^2) W_hh for k = 1..t\n`);
    expect(r.diagnostics.some((d) => d.severity === 'error' && /the range of k reads t, which is no free index/.test(d.message))).toBe(
      true,
    );
  });
});

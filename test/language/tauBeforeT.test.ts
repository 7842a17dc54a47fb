// τ as a step before t, as Bengio, Simard & Frasconi (1994) write the product of Jacobians: ∂a_t/∂a_τ =
// ∏_{k=τ+1}^{t} ∂a_k/∂a_{k−1} (session 42, a probe of pasted formulas). τ was read as Goodfellow's last step T, so
// the correct formula failed at t = 1 (∂a_1/∂a_5 = 0 against the empty product 1), and w^{t−τ} was w^{t−T}. Written
// as a Σ/∏'s lower bound up to t, or as the step of a derivative's variable at t, τ is a free step of the check.
// Goodfellow's τ (an upper bound, τ − t, the later step of ∂h_τ/∂h_t) stays the last step: truncationWindow.test.ts.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 5
input u = [0.5, -1.0, 2.0, 0.3, -0.2]
param w = 0.9
param v = 0.5
a_0 = 0
a_t = w tanh(a_{t-1}) + v u_t
loss C = a_T^2
`;

describe('τ before t', () => {
  it('is a free step: the product of Jacobians holds at the pairs where its bounds run forward', () => {
    const r = analyze(
      `${NET}check ∂a_t/∂a_τ = ∏_{k=τ+1}^{t} w (1 - tanh(a_{k-1})^2)\ncheck ∂a_t/∂a_τ = w^{t-τ} ∏_{k=τ}^{t-1} tanh'(a_k)\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
    expect(r.checks[0]!.message).toMatch(/t = 1\.\.5 and τ = 1\.\.5/);
  });

  it('a wrong exponent fails, named at a pair (t, τ)', () => {
    const r = analyze(`${NET}check ∂a_t/∂a_τ = w^{t-τ+1} ∏_{k=τ}^{t-1} tanh'(a_k)\n`, FAST);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/fails at t = \d, τ = \d/);
  });

  it('Goodfellow’s τ, an upper bound, is still the last step', () => {
    const r = analyze(`${NET}check ∂C/∂a_1 = 2 a_τ ∏_{k=2}^{τ} w (1 - tanh(a_{k-1})^2)\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
});

describe('Bishop’s N, a sum’s upper bound', () => {
  const BISHOP = `T = 3
input x = [0.5, -1.0, 2.0]
target t = [0.2, -0.4, 0.6]
param w_hx = 0.6
param w_hh = 0.5
param w_yh = 1.1
z_0 = 0
z_t = tanh(w_hx x_t + w_hh z_{t-1})
y_t = w_yh z_t
E_t = 1/2 (y_t - t_t)^2
loss E = Σ_t E_t
`;
  it('is the last step, where it was a free index and the whole sum "cut short"', () => {
    const r = analyze(`${BISHOP}check ∂E/∂w_yh = Σ_{n=1}^{N} (y_n - t_n) z_n\ncheck ∂E/∂w_yh = Σ_{n=1}^{N} (t_n - y_n) z_n\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(/opposite sign/);
  });

  it('is a name where the file defines N', () => {
    const r = analyze(`${BISHOP}param N = 2\ncheck N = 2\n`, FAST);
    expect(r.checks[0]!.status).not.toBe('fails');
  });
});

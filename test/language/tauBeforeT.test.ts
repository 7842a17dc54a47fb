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

  // session 43: where the sum's variable picks a vector's entries, N is their number, not the last step
  const VECTOR = `T = 3
input x : 3 = [[1, 0, 1], [0.5, -1, 2], [-0.3, 0.8, 0]]
param W : 2x2 = [[0.4, -0.2], [0.3, 0.5]]
param U : 2x3 = [[0.5, -0.3, 0.1], [0.2, 0.8, 0.1]]
param V : 2x2 = [[0.7, -0.5], [-0.3, 0.4]]
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
z_t = V h_t
L_t = 1/2 sum(z_t ⊙ z_t)
loss L = Σ_t L_t
`;
  it('over a vector’s entries is their number (2 here, T = 3), judged against the gradient', () => {
    const r = analyze(
      `${VECTOR}check ∂L_t/∂h_t = Σ_{i=1}^{N} ∂L_t/∂z_{t,i} ∂z_{t,i}/∂h_t\ncheck ∂L_t/∂h_t = Σ_{i=1}^{N} z_{t,i} ∂z_{t,i}/∂h_t\ncheck ∂L_t/∂h_t = Σ_{i=1}^{N} h_{t,i} ∂z_{t,i}/∂h_t\ncheck ∂L/∂V = Σ_{n=1}^{N} z_n h_n^T\n`,
      FAST,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.filter((d) => /bound N is read as the number of entries i runs over \(2\)/.test(d.message))).toHaveLength(3);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'fails', 'holds']);
    expect(r.checks[2]!.message).toMatch(/h_t should be z_t/);
  });

  it('over entries of different sizes is refused, saying so', () => {
    const r = analyze(`${VECTOR}check ∂L_t/∂h_t = Σ_{i=1}^{N} z_{t,i} x_{t,i} ∂z_{t,i}/∂h_t\n`, FAST);
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'the bound N is read as the number of entries i runs over, but i picks entries of different sizes (2 and 3): write the bound as a number',
    );
  });

  it('is a name where the file defines N', () => {
    const r = analyze(`${BISHOP}param N = 2\ncheck N = 2\n`, FAST);
    expect(r.checks[0]!.status).not.toBe('fails');
  });
});

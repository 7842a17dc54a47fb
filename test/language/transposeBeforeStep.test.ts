// Mandic & Chambers' y(k) = Φ(uᵀ(k) w(k)) (probe 48): a transpose written before the step in parentheses is (u(k))ᵀ,
// as Haykin's e²(n) is (e(n))² — it was "u is a sequence: write u_t". And u_t = [x_t, 1, y_{t−1}] with v_t = u_tᵀ w:
// while the shapes were inferred, u_tᵀ (y's shape not known yet) times w was taken as w's shape, y a vector of 3 and
// u a concatenation of 5 ("cannot multiply the transpose (1×5 matrix) and w").
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.4, -0.3, 0.8]
target s = [0.3, 0.1, 0.5]
param w : 3 = [0.6, 0.1, 0.5]
y_0 = 0
u_t = [x_t, 1, y_{t-1}]
v_t = u_tᵀ w
y_t = σ(v_t)
e_t = s_t - y_t
loss J = Σ_t 1/2 e_t^2
`;

describe('a transpose before the step, and a row times a column while shapes are inferred', () => {
  it('the recurrent perceptron reads: y is a number, u a vector of 3', () => {
    const r = analyze(`${NET}check y_2 = σ(x_2 w[1] + w[2] + y_1 w[3])`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });
  it.each([
    ['v(k) = u^T(k) w', 'holds'],
    ['v(k) = u^{T}(k) w', 'holds'],
    ['v(k) = uᵀ(k) w', 'holds'],
    ['v(k) = u^T(k-1) w', 'fails'],
  ])('%s %s', (check, status) => {
    expect(analyze(`${NET}check ${check}`).checks.map((c) => c.status)).toEqual([status]);
  });
});

// Mandic & Chambers' w(k) and w_3(k) (probe 48): adaptive filtering writes the weights at time k; for a gradient at one
// time they are the shared parameter, and ∂y(k)/∂w(k) is the total derivative real-time recurrent learning carries in
// k. w(k) was "w is not a sequence, so it has no step to take", w_3(k) the product w_3·k, and ∂y(k)/∂w(k) Goodfellow's
// step copy (the one-step derivative), so the sensitivity recursion failed. Goodfellow's W^{(t)} keeps its reading.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.4, -0.3, 0.8]
target s = [0.3, 0.1, 0.5]
param w : 3 = [0.6, 0.1, 0.5]
param c = 0.5
y_0 = 0
u_t = [x_t, 1, y_{t-1}]
v_t = u_tᵀ w
y_t = σ(v_t)
loss J = Σ_t 1/2 (s_t - y_t)^2
`;
const run = (check: string) => analyze(`${NET}check ${check}`);

describe('a weight written at a time is the shared parameter', () => {
  it('w(k) and w_3(k) read as w and w[3], said', () => {
    const r = run('y(k) = σ(u^T(k) w(k)) + w_3(k) - w[3]');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => /^w\(…\) is read as w: a weight written at a time/.test(d.message))).toBe(true);
    expect(r.diagnostics.some((d) => /^w_3\(…\) is read as w_3/.test(d.message))).toBe(true);
  });
  it('∂y(k)/∂w(k) is the total derivative: the sensitivity recursion holds, the perceptron’s gradient is one-step', () => {
    expect(run("∂y(k)/∂w(k) = σ'(v(k)) (u(k) + w_3(k) ∂y(k-1)/∂w(k-1))").checks.map((c) => c.status)).toEqual(['holds']);
    expect(run("∂y(k)/∂w(k) = σ'(v(k)) u(k)").checks.map((c) => c.status)).toEqual(['holds-as-one-step']);
  });
  it('a number in parentheses stays a product, and Goodfellow’s copy W^{(t)} stays the copy', () => {
    expect(run('c(2) = 2c').checks.map((c) => c.status)).toEqual(['holds']);
    expect(run("∂y_t/∂w^{(t)} = σ'(v_t) u_t").checks.map((c) => c.status)).toEqual(['holds']);
  });
});

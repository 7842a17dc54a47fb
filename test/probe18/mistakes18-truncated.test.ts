// The one-step answer to a total question with the loss written inline (truncated.ts inlineSum): ∂L/∂w_x =
// Σ_t 2(o_t − y_t) v (1 − h_t²) x_t under `loss L = Σ_t (o_t − y_t)^2` takes 2(o_t − y_t) v — step t's own part —
// for ∂L/∂h_t and leaves out the paths through the next steps. With the loss as Σ_t L_t the hint was given; written
// inline, the check failed with its values alone. Two networks, so no value decides.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w_x = 0.3
param w_h = 0.8
param v = 1.5
h_0 = 0
h_t = tanh(w_x x_t + w_h h_{t-1})
o_t = v h_t
loss L = Σ_t (o_t - y_t)^2
`;
// sample values, T = 4, a bias and a σ output
const NET2 = `T = 4
input x
target y
param w_x
param w_h
param b
param v
h_0 = 0.2
h_t = tanh(w_x x_t + w_h h_{t-1} + b)
o_t = σ(v h_t)
loss L = Σ_{t=1}^{T} (y_t - o_t)^2
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;
const SAID =
  /The right side is Σ_t ∂\(\(.*\)\^2\)\/∂w_x with each term taken one-step .* it leaves out the paths through the earlier steps, where w_x acts too/;

describe('a truncated gradient under an inline loss is named', () => {
  it('tanh state, squared error', () => {
    const c = check(NET, '∂L/∂w_x = Σ_t 2(o_t - y_t) v (1 - h_t^2) x_t');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(SAID);
  });
  it('another network: σ output, bias, h_0 ≠ 0', () => {
    const c = check(NET2, "∂L/∂w_x = Σ_t -2(y_t - o_t) σ'(v h_t) v (1 - h_t^2) x_t");
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(SAID);
  });
  it('the total, written with ∂L/∂h_t, holds; another mistake is not called truncated', () => {
    expect(check(NET, '∂L/∂w_x = Σ_t ∂L/∂h_t (1 - h_t^2) x_t').status).toBe('holds');
    expect(check(NET, '∂L/∂w_x = Σ_t 2(o_t - y_t) v (1 - h_t^2) h_{t-1}').message).not.toMatch(/taken one-step/);
  });
});

// A Σ over the steps left out (check/missingSum.ts): ∂L/∂b = ∂L/∂z_t, Goodfellow's 10.23 or d2l's ∂L/∂W_hh
// without their Σ_t. It failed at t = 1 with no hint, or with "the right side leaves out ∂L/∂o_2·∂o_2/∂W_hh + …"
// (true of step 1 alone); a teacher circles the missing Σ. Two networks each, so no value of a file decides it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SCALAR } from './networks';

// no values, h_0 ≠ 0, T = 4, the loss as Σ_t L_t
const SCALAR2 = `T = 4
input x
target y
param w_x
param w_h
param b
param v
h_0 = 0.3
z_t = w_x x_t + w_h h_{t-1} + b
h_t = tanh(z_t)
o_t = v h_t
L_t = (o_t - y_t)^2
loss L = Σ_t L_t
`;
const VECTOR = `T = 4
input x : 2
target y : 2
param W_hx : 3x2
param W_hh : 3x3
param W_qh : 2x3
h_0 = 0
h_t = W_hx x_t + W_hh h_{t-1}
o_t = W_qh h_t
loss L = 1/T Σ_t sum((o_t - y_t)^2)
`;
const GOODFELLOW = `T = 3
input x : 2 = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]]
target y : 3 = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
param U : 3x2
param W : 3x3
param b : 3
param V : 3x3
param c : 3
h_0 = 0
a_t = b + W h_{t-1} + U x_t
h_t = tanh(a_t)
o_t = c + V h_t
\\hat{y}_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(\\hat{y}_t))
loss L = Σ_t L_t
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;
const MISSING = /A Σ_t is missing: the right side is the term of one step t, and Σ_t of it \(t = 1\.\.\d\) is the left side/;

describe('a Σ_t left out is named', () => {
  for (const [name, net] of [
    ['scalar, file values', SCALAR],
    ['scalar, sample values, h_0 ≠ 0', SCALAR2],
  ] as const) {
    it(`${name}: ∂L/∂b = ∂L/∂z_t and ∂L/∂w_h = ∂L/∂z_t h_{t-1}`, () => {
      for (const line of ['∂L/∂b = ∂L/∂z_t', '∂L/∂w_h = ∂L/∂z_t h_{t-1}', '∂L/∂w_h = ∂L/∂h_t (1 - h_t^2) h_{t-1}']) {
        const c = check(net, line);
        expect(c.status, line).toBe('fails');
        expect(c.message, line).toMatch(MISSING);
      }
    });
    it(`${name}: the right ones still hold, and a Σ that starts late is not "missing"`, () => {
      expect(check(net, '∂L/∂w_h = Σ_t ∂L/∂z_t h_{t-1}').status).toBe('holds');
      expect(check(net, '∂L/∂w_x = Σ_{t=2}^{T} ∂L/∂z_t x_t').message).not.toMatch(/is missing/);
    });
  }
  it('d2l: ∂L/∂W_hh = ∂L/∂h_t h_{t-1}ᵀ (a matrix; 0 at t = 1 with h_0 = 0)', () => {
    const c = check(VECTOR, '∂L/∂W_hh = ∂L/∂h_t h_{t-1}^T');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(MISSING);
    expect(c.message).not.toMatch(/leaves out/);
  });
  it('Goodfellow 10.23 without its Σ: ∇_b L = diag(1 − h_t²) ∇_{h_t} L', () => {
    const c = check(GOODFELLOW, '∇_{b} L = diag(1 - h_t^2) ∇_{h_t} L');
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(MISSING);
    expect(check(GOODFELLOW, '∇_{b} L = Σ_t diag(1 - h_t^2) ∇_{h_t} L').status).toBe('holds');
  });
  it('the step side on the left is named too', () => {
    expect(check(SCALAR, '∂L/∂z_t = ∂L/∂b').message).toMatch(
      /A Σ_t is missing: the left side is the term of one step t, and Σ_t of it \(t = 1\.\.3\) is the right side/,
    );
  });
  it('a right side that is not one step of the sum gets no such hint', () => {
    expect(check(SCALAR, '∂L/∂b = 2 ∂L/∂z_t').message).not.toMatch(/is missing/);
  });
});

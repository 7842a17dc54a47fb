// A term of the formula left out whole (check/termLeftOut.ts): ∂L/∂o_t = ŷ_t for Goodfellow's ŷ_t − y_t (10.18),
// min-char-rnn's dy = p − onehot written p_t, and 2 o_t for 2(o_t − y_t) failed with their values alone.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SOFTMAX = `T = 3
input x : 2 = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]]
target y : 3 = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
param U : 3x2
param W : 3x3
param V : 3x3
param c : 3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
o_t = c + V h_t
\\hat{y}_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(\\hat{y}_t))
loss L = Σ_t L_t
`;
// another network: no values (a one-hot target drawn one-hot), T = 4, a loss written inline
const SOFTMAX2 = `T = 4
input x : 4
target y : 4
param W_xh : 3x4
param W_hh : 3x3
param W_hy : 4x3
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
s_t = W_hy h_t
p_t = softmax(s_t)
loss L = -Σ_t sum(y_t ⊙ log(p_t))
`;
const SQUARED = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param w = 0.3
param v = 1.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
o_t = v h_t
loss L = Σ_t (o_t - y_t)^2
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;

describe('a term left out whole is named', () => {
  it('ŷ_t for ŷ_t − y_t, and p_t for p_t − y_t under another network', () => {
    for (const [net, line] of [
      [SOFTMAX, '∂L/∂o_t = \\hat{y}_t'],
      [SOFTMAX2, '∂L/∂s_t = p_t'],
    ] as const) {
      const c = check(net, line);
      expect(c.status, line).toBe('fails');
      expect(c.message, line).toMatch(/The right side leaves out the term −y_t: with it the check holds/);
    }
    expect(check(SOFTMAX, '∂L/∂o_t = \\hat{y}_t - y_t').status).toBe('holds');
    expect(check(SOFTMAX2, '∂L/∂s_t = p_t - y_t').status).toBe('holds');
  });
  it('2 o_t for 2(o_t − y_t): the term −2 y_t, at a free step and at a fixed one', () => {
    expect(check(SQUARED, '∂L/∂o_t = 2 o_t').message).toMatch(/The right side leaves out the term −2 y_t: with it the check holds/);
    expect(check(SQUARED, '∂L/∂o_3 = 2 o_3').message).toMatch(/The right side leaves out the term −2 y_3: with it the check holds/);
  });
  it('a formula on the left is named as the left side', () => {
    expect(check(SOFTMAX, '\\hat{y}_t = ∂L/∂o_t').message).toMatch(/The left side leaves out the term −y_t/);
  });
  it('a difference no named value explains gets no such hint', () => {
    expect(check(SQUARED, '∂L/∂o_t = 3 o_t').message).not.toMatch(/leaves out the term/);
  });
});

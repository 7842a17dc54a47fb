// A lone derivative is no backward formula (check/adjoint.ts): ∂L/∂s_t = p_t — softmax's gradient with its − y_t
// left out — was told "the right side p_t is p's value, but the left side is a backward formula for it: p̄_t =
// ∂L/∂p_t looks meant; read so, the check still fails", a reading nothing in the check asked for.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const SOFTMAX = `T = 3
input x : 4
target y : 4 = [[0,1,0,0],[0,0,1,0],[1,0,0,0]]
param W_xh : 3x4
param W_hh : 3x3
param W_hy : 4x3
h_0 = 0
h_t = tanh(W_xh x_t + W_hh h_{t-1})
s_t = W_hy h_t
p_t = softmax(s_t)
loss L = -Σ_t sum(y_t ⊙ log(p_t))
`;
const SIGMOID = `T = 3
param w = 0.7
param v = -1.2
input x = [1, -0.5, 2]
target y = [1, 0, 1]
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
a_t = v h_t
o_t = σ(a_t)
loss L = -Σ_t (y_t log(o_t) + (1 - y_t) log(1 - o_t))
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;

describe('∂L/∂X = Y (Y a value) is not read as Ȳ', () => {
  it('∂L/∂s_t = p_t and ∂L/∂a_t = o_t fail with no "backward formula" reading', () => {
    for (const [net, line] of [
      [SOFTMAX, '∂L/∂s_t = p_t'],
      [SIGMOID, '∂L/∂a_t = o_t'],
    ] as const) {
      const c = check(net, line);
      expect(c.status, line).toBe('fails');
      expect(c.message, line).not.toMatch(/backward formula|looks meant/);
    }
  });
  it('the right ones hold', () => {
    expect(check(SOFTMAX, '∂L/∂s_t = p_t - y_t').status).toBe('holds');
    expect(check(SIGMOID, '∂L/∂a_t = o_t - y_t').status).toBe('holds');
  });
});

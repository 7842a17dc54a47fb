// A derivation typed as code writes it (session 34). Python's x**2 was "expected a value, found '*'"; numpy's h_t.T
// a product with the horizon T (W_hy.T @ δ: a shape mismatch); nabla_W L "unknown name nabla_W_hy". T with a step
// got "unknown name T — did you mean T?".

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x : 2
target y : 2
param W_xh : 3x2
param W_hh : 3x3
param W_hy : 2x3
param b : 3
h_0 = 0
a_t = W_xh x_t + W_hh h_{t-1} + b
h_t = tanh(a_t)
o_t = W_hy h_t
loss L = Σ_t 0.5 ‖y_t - o_t‖^2
`;

function verdict(check: string): { status: string; message: string } {
  const r = analyze(`${NET}check ${check}\n`);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  return r.checks[0]!;
}

const errorOf = (check: string) => analyze(`${NET}check ${check}\n`).diagnostics.find((d) => d.severity === 'error')?.message;

describe('code spellings', () => {
  it('x**2 is the power x^2', () => {
    expect(verdict('∂L/∂a_t = (1 - h_t**2) * ∂L/∂h_t').status).toBe('holds');
    expect(verdict('∂L/∂a_t = (1 - h_t**3) * ∂L/∂h_t').status).toBe('fails');
  });

  it(".T right after an operand is numpy's transpose", () => {
    expect(verdict('∂L/∂W_hy = Σ_t (o_t - y_t) @ h_t.T').status).toBe('holds');
    expect(verdict('∂L/∂h_3 = W_hy.T @ (o_3 - y_3)').status).toBe('holds');
    expect(verdict('∂L/∂h_3 = (W_hy).T (o_3 - y_3)').status).toBe('holds');
    // a mistake read through it is named as written: the missing transpose of W_hh in the recursion
    expect(verdict('∂L/∂h_2 = W_hy.T @ (o_2 - y_2) + W_hh @ ∂L/∂a_3').status).toBe('fails');
  });

  it('a dot before T with a space, or T with a script, is no transpose', () => {
    // w . T: the product with the horizon, as before
    expect(verdict('∂L/∂h_3 = W_hy^T (o_3 - y_3) . T / T').status).toBe('holds');
    expect(errorOf('∂L/∂h_3 = W_hy^T (o_3 - y_3) + 0 * W_hh.T_1')).toBe(
      'T is the number of steps (a number), not a sequence: T with a step or an entry has no value',
    );
  });

  it('nabla_W L and grad_{W} L are ∇_W L; grad(A, B) is still the derivative', () => {
    for (const lhs of ['nabla_{W_hy} L', 'nabla_W_hy L', 'grad_{W_hy} L', 'grad(L, W_hy)'])
      expect(verdict(`${lhs} = Σ_t (o_t - y_t) h_t^T`).status).toBe('holds');
    expect(verdict('grad_{h_3} L = W_hy^T (o_3 - y_3) + 1').status).toBe('fails');
  });

  it('an unknown name is never offered itself as the name meant', () => {
    for (const c of ['∂L/∂h_3 = W_hy^T (o_3 - y_3) + T_1', '∂L/∂h_3 = W_hy^T (o_3 - y_3) + U_x'])
      expect(errorOf(c)).not.toMatch(/did you mean (T|U_x)\?/);
  });

  it('an accent spelled in words (y_hat, h_tilde) is offered for the accented name, and the reverse', () => {
    const net = (def: string, check: string) => `T = 2
input x : 2
param W : 2x2
h_0 = 0
${def}
h_t = tanh(W h_{t-1} + x_t)
loss L = sum(h_T)
check ${check}
`;
    const error = (text: string) =>
      analyze(text)
        .diagnostics.find((d) => d.severity === 'error')
        ?.message.normalize('NFC');
    expect(error(net('y_hat_t = 2 h_t', 'y_hat_1 = ŷ_1'))).toBe('unknown name ŷ — did you mean y_hat?');
    expect(error(net('ŷ_t = 2 h_t', 'ŷ_1 = y_hat_1'))).toBe('unknown name y_hat — did you mean ŷ?');
    expect(error(net('h_tilde_t = 2 h_t', 'h_tilde_1 = \\tilde{h}_1'))).toBe('unknown name h̃ — did you mean h_tilde?');
  });
});

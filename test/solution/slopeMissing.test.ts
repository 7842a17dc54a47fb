// δ_t = ∂L/∂a_t written with the right side of ∂L/∂h_t, h_t = tanh(a_t): the activation's slope left out of a
// δ-recursion (session 33; it failed with the two values only). The mirror of slopeTwice (tb29).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 3
input  x : 2
param W_xh : 3x2
param W_hh : 3x3
param w_y : 3
h_0 = [0.1, -0.2, 0.3]
a_t = W_xh x_t + W_hh h_{t-1}
h_t = tanh(a_t)
target y
L_t = (w_y^\top h_t - y_t)^2 / 2
loss L = Σ_t L_t
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# δ\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown').equations.map((e) => e.checks[0]!);

describe("an activation's slope left out", () => {
  it('δ_t defined in the solution, the recursion without 1 − h_t²', () => {
    const [, right, wrong] = solve(
      String.raw`\boldsymbol{\delta}_t := \frac{\partial L}{\partial \mathbf{a}_t}`,
      String.raw`\boldsymbol{\delta}_t = (1 - \mathbf{h}_t^2) \odot \left( (w_y^\top h_t - y_t) w_y + W_{hh}^\top \boldsymbol{\delta}_{t+1} \right) \quad t < T`,
      String.raw`\boldsymbol{\delta}_t = (w_y^\top h_t - y_t) w_y + W_{hh}^\top \boldsymbol{\delta}_{t+1} \quad t < T`,
    );
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(
      /The right side is ∂L\/∂h_t, the gradient at the output of h_t = tanh\(a_t\): δ_t = ∂L\/∂a_t is ∂L\/∂h_t times tanh'\(a_t\) = 1 − h_t\^2 — that factor is missing, and with it the check holds/,
    );
  });

  it('∂L/∂a_T written as ∂L/∂h_T', () => {
    const [c] = solve(String.raw`\frac{\partial L}{\partial a_T} = (w_y^\top h_T - y_T) w_y`);
    expect(c!.status).toBe('fails');
    expect(c!.message).toMatch(/The right side is ∂L\/∂h_3, the gradient at the output of h_3 = tanh\(a_3\)/);
  });
});

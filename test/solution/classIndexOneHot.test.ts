// min-char-rnn's targets as class indices (session 33): `∂L/∂o_t = p_t − \mathbf{1}_{y_t}`, the one-hot written
// with a 1, was refused ("1_{…} with no '=' has no reading", session 16); it now reads as e_{y_t} does, sized by what
// stands beside it. And `∂L/∂o_t = p_t` (the one-hot left out) failed with its values only; it now names −e_{y_t}.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 3
input  x : 4 = [[1,0,0,0],[0,1,0,0],[0,0,1,0]]
target y = [2, 3, 4]
param W_xh : 3x4
param W_hh : 3x3
param W_hy : 4x3
h_0 = [0, 0, 0]
h_t = tanh(W_xh x_t + W_hh h_{t-1})
o_t = W_hy h_t
p_t = softmax(o_t)
L_t = -log(p_t[y_t])
loss L = Σ_t L_t
~~~
`.replace(/~~~/g, '```');

const solve = (eq: string) => analyzeSolution(`# min-char-rnn\n\n${NET}\n$$${eq}$$\n`, 'markdown').equations[0]!;

describe('a class index’s one-hot', () => {
  it.each([String.raw`\mathbf{1}_{y_t}`, String.raw`\mathbb{1}_{y_t}`, String.raw`e_{y_t}`])('p_t − %s holds', (oneHot) => {
    expect(solve(String.raw`\frac{\partial L}{\partial o_t} = p_t - ${oneHot}`).status).toBe('holds');
  });

  it('left out: named as the term −e_{y_t}', () => {
    const eq = solve(String.raw`\frac{\partial L}{\partial o_t} = p_t`);
    expect(eq.status).toBe('fails');
    expect(eq.checks[0]!.message).toMatch(/The right side leaves out the term −e_\{y_t\}: with it the check holds/);
  });

  it('with nothing to size it, says so', () => {
    const eq = solve(String.raw`\mathrm{sum}(\mathbf{1}_{y_t}) = 1`);
    expect(eq.status).toBe('skipped');
    expect(eq.message).toMatch(/one-hot basis vector, but nothing beside it gives its size/);
  });
});

// The softmax's Jacobian with an inner product where the outer one belongs (session 33): `∂ŷ_t/∂o_t = diag(ŷ_t) −
// ŷ_tᵀ ŷ_t` subtracts a number from every entry and failed with the two matrices only; it now names the product.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

const NET = String.raw`~~~rnn
T = 3
input  x : 2
target y : 3 = [[1,0,0],[0,0,1],[0,1,0]]
param U : 4x2
param W : 4x4
param V : 3x4
s_0 = [0, 0, 0, 0]
s_t = σ(U x_t + W s_{t-1})
o_t = V s_t
\hat{y}_t = softmax(o_t)
E_t = -y_t^\top \log \hat{y}_t
loss E = \sum_t E_t
~~~
`.replace(/~~~/g, '```');

const solve = (eq: string) => analyzeSolution(`# Elman\n\n${NET}\n$$${eq}$$\n`, 'markdown').equations[0]!.checks[0]!;

describe("the softmax's Jacobian", () => {
  it('holds with the outer product', () => {
    expect(solve(String.raw`\frac{\partial \hat y_t}{\partial o_t} = \mathrm{diag}(\hat y_t) - \hat y_t \hat y_t^\top`).status).toBe(
      'holds',
    );
  });

  it('with the inner product: named, and the outer product said', () => {
    const c = solve(String.raw`\frac{\partial \hat y_t}{\partial o_t} = \mathrm{diag}(\hat y_t) - \hat y_t^\top \hat y_t`);
    expect(c.status).toBe('fails');
    expect(c.message.normalize('NFC')).toMatch(
      /ŷ_tᵀ ŷ_t is an inner product, a number: the outer product ŷ_t ŷ_tᵀ, a 3×3 matrix, is meant, and with it the check holds/,
    );
  });

  it('says nothing of the product when the other one does not mend the check', () => {
    const c = solve(String.raw`\frac{\partial \hat y_t}{\partial o_t} = \mathrm{diag}(\hat y_t) + \hat y_t^\top \hat y_t`);
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/inner product/);
  });
});

// ∂J/∂W_h written with the outer product's factors swapped, Σ_t h_{t-1} (∂J/∂z_t)ᵀ (session 34): the side is the
// transpose of ∂J/∂W_h; with h_0 = 0 (the step-1 term 0) the term matcher said the term "is no path from W_h to J".
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution/index';

// CS224n's RNN: z_t = W_h h_{t-1} + W_e x_t + b_1, h_t = σ(z_t), ŷ_t = softmax(U h_t), J = Σ_t CE
const NET = String.raw`~~~rnn
T = 2
input x : 2
target y : 3 = [[0, 1, 0], [1, 0, 0]]
param W_h : 2x2
param W_e : 2x2
param U : 3x2
param b_1 : 2
h_0 = 0
z_t = W_h h_{t-1} + W_e x_t + b_1
h_t = σ(z_t)
ŷ_t = softmax(U h_t)
J_t = -y_t^\top \log(ŷ_t)
loss J = Σ_t J_t
~~~
`.replace(/~~~/g, '```');

const solve = (...eqs: string[]) =>
  analyzeSolution(`# CS224n\n\n${NET}\n${eqs.map((e) => `$$${e}$$\n`).join('\n')}`, 'markdown').equations.map((e) => e.checks[0]!);

describe("an outer product's factors swapped", () => {
  it('Σ_t δ_t h_{t-1}ᵀ holds; Σ_t h_{t-1} δ_tᵀ is named as the transpose', () => {
    const [right, wrong] = solve(
      String.raw`\frac{\partial J}{\partial W_h} = \sum_{t} \frac{\partial J}{\partial z_t} h_{t-1}^\top`,
      String.raw`\frac{\partial J}{\partial W_h} = \sum_{t} h_{t-1} \frac{\partial J}{\partial z_t}^\top`,
    );
    expect(right!.status).toBe('holds');
    expect(wrong!.status).toBe('fails');
    expect(wrong!.message).toMatch(
      /The right side is the transpose of the left side: the factors of an outer product are in the wrong order/,
    );
    expect(wrong!.message).not.toMatch(/no path/);
  });

  it('a wrong term that is no transpose is still the term matcher’s', () => {
    const [c] = solve(String.raw`\frac{\partial J}{\partial W_h} = \sum_{t} \frac{\partial J}{\partial z_t} x_t^\top`);
    expect(c!.status).toBe('fails');
    expect(c!.message).not.toMatch(/transpose of the left side/);
  });
});

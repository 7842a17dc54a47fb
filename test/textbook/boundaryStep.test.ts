// A backward step written for the general step t that one end of its range lacks a term of (read37b's leftover): for
// L = Σ_t sum(h_t), ∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 − h_t²)) + 𝟏 holds for t = 2..T, and at t = 1 the loss reads no
// h_0, so its direct term 𝟏 is not there. It failed with the two values of t = 1 alone; the message now names the
// range where it holds, the term that differs at the failing step, and (the left side being the loss's derivative) why.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { expectVerdicts } from './verdicts';

const VECTOR = String.raw`T = 4
input x : 2 = [[1, 0.5], [0.3, -0.2], [-0.4, 0.9], [0.2, 0.1]]
param W_hh : 3x3 = [[0.2, -0.1, 0.3], [0.1, 0.4, -0.2], [-0.3, 0.2, 0.1]]
param W_xh : 3x2 = [[0.5, -0.3], [0.2, 0.4], [-0.1, 0.6]]
h_0 = [0.1, -0.2, 0.3]
h_t = tanh(W_hh h_{t-1} + W_xh x_t)
loss L = Σ_t sum(h_t)
`;

const SCALAR = String.raw`T = 3
input x = [1, -0.5, 0.8]
param w = 0.7
param u = 0.4
h_0 = 0.2
h_t = tanh(w h_{t-1} + u x_t)
loss L = \sum_t h_t
`;

const HOLDS_FROM_2 = /It holds for t = 2\.\.4 \(at the file's values and a random draw\): only t = 1, the first step, differs/;
const WHY =
  /it is ∂⁺L\/∂h_\{t-1\} at the other steps, and ∂⁺L\/∂h_0 = 0: L reads no h_0\. Write the check for t = 2\.\.T, and t = 1 on its own/;

describe('a term the first step lacks', () => {
  it('𝟏, \\mathbf{1} and 1 for the loss’s direct term: the range it holds on, the term, and why, named', () => {
    const rest = String.raw`W_{hh}^\top \left(\frac{\partial L}{\partial h_t} \odot (1 - h_t^2)\right)`;
    expectVerdicts(VECTOR, [
      {
        check: String.raw`∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 - h_t^2)) + 𝟏`,
        status: 'fails',
        says: [/^fails at t = 1: /, HOLDS_FROM_2, /the right side's term 𝟏 alone \(without it they agree at t = 1\)/, WHY],
      },
      { check: String.raw`\frac{\partial L}{\partial h_{t-1}} = ${rest} + \mathbf{1}`, status: 'fails', says: [HOLDS_FROM_2, WHY] },
      {
        check: String.raw`\frac{\partial L}{\partial h_{t-1}} = \mathbf{1} + ${rest}`,
        status: 'fails',
        says: [/the right side's term 𝟏 alone/, WHY],
      },
      // written for the steps it holds on, it holds
      { check: String.raw`∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 - h_t^2)) + 𝟏 for t = 2..T`, status: 'holds' },
      {
        check: String.raw`∂L/∂h_t = W_hhᵀ(∂L/∂h_{t+1} ⊙ (1 - h_{t+1}^2)) + 𝟏 for t = 0..T-1`,
        status: 'fails',
        says: [/It holds for t = 1\.\.3 .*only t = 0, the first step, differs/, /∂⁺L\/∂h_0 = 0: L reads no h_0/],
      },
    ]);
  });

  it('scalar: the term 1 named; a side with no term to drop gets the range alone', () => {
    expectVerdicts(SCALAR, [
      {
        check: String.raw`\frac{\partial L}{\partial h_{t-1}} = w \frac{\partial L}{\partial h_t} (1 - h_t^2) + 1`,
        status: 'fails',
        says: [
          /It holds for t = 2\.\.3 .*only t = 1, the first step, differs: there the sides differ by the right side's term 1 alone/,
          /∂⁺L\/∂h_0 = 0: L reads no h_0/,
        ],
      },
      {
        check: String.raw`\frac{\partial L}{\partial h_{t-1}} = \left(w \frac{\partial L}{\partial h_t} (1 - h_t^2) + 1\right) \cdot 1`,
        status: 'fails',
        says: [
          /It holds for t = 2\.\.3 \(at the file's values and a random draw\): only t = 1, the first step, differs, a boundary step whose form is not the general step's\. Write the check for t = 2\.\.T, and t = 1 on its own/,
        ],
      },
    ]);
  });

  it('a check wrong at every step gets no such hint; terms that cancel do not hide the one that differs', () => {
    const r = analyze(
      `${VECTOR}check ∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 - h_t^2)) + 2 𝟏\ncheck ∂L/∂h_{t-1} = W_hhᵀ(∂L/∂h_t ⊙ (1 - h_t^2)) + 𝟏 + h_{t-1} - h_{t-1}\n`,
    );
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toMatch(/only t = 1/);
    expect(r.checks[1]!.message).toMatch(/only t = 1/);
  });
});

// Goodfellow et al. eq. 10.22, ∇_c L = Σ_t ∇_{o^{(t)}} L = Σ_t (ŷ^{(t)} − y^{(t)}), with the softmax cross-entropy's
// target forgotten inside the sum: `Σ_t ŷ_t`. A term left out whole was named for a formula standing alone
// (∂L/∂o_t = ŷ_t: "leaves out the term −y_t"), but inside Σ_t the check failed with only the two vectors. The term is
// now sought in the Σ's body too, at the bound step (termLeftOut.ts).
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const NET = `T = 3
input  x : 2 = [[0.7, -0.4], [0.1, 0.9], [-0.8, 0.3]]
target y : 3 = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
param  U : 3x2 = [[0.31, -0.52], [0.47, 0.12], [-0.26, 0.64]]
param  W : 3x3 = [[0.21, -0.43, 0.15], [0.38, 0.09, -0.27], [-0.12, 0.33, 0.44]]
param  V : 3x3 = [[0.52, -0.18, 0.29], [-0.36, 0.41, 0.07], [0.14, -0.25, 0.48]]
param  c : 3 = [0.02, -0.09, 0.13]
h_0 = [0.1, -0.2, 0.3]
h_t = tanh(W h_{t-1} + U x_t)
o_t = c + V h_t
ŷ_t = softmax(o_t)
L_t = -sum(y_t ⊙ log(ŷ_t))
loss L = Σ_t L_t`;

describe('a term left out of a Σ over the steps', () => {
  it('∇_c L = Σ_t ŷ_t: the −y_t inside the Σ is named; the book’s form holds', () => {
    const text = [
      '```rnn',
      NET,
      '```',
      '',
      String.raw`$$\nabla_{\boldsymbol{c}} L = \sum_t \left(\hat{\boldsymbol{y}}^{(t)} - \boldsymbol{y}^{(t)}\right) \tag{10.22}$$`,
      '',
      String.raw`$$\nabla_{\boldsymbol{c}} L = \sum_t \hat{\boldsymbol{y}}^{(t)} \tag{wrong}$$`,
      '',
    ].join('\n');
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => [e.tag, e.status])).toEqual([
      ['10.22', 'holds'],
      ['wrong', 'fails'],
    ]);
    expect(r.equations[1]!.message).toMatch(/The right side leaves out the term −y_t inside the Σ: with it the check holds$/);
  });
});

// An Elman network as Bengio, Simard and Frasconi (1994) and lecture notes on vanishing gradients write it, scalar:
// h_t = σ(w h_{t−1} + u x_t + b), y_t = v h_t, E = Σ_t ½(d_t − y_t)². The step Jacobian w h_t(1 − h_t), the product
// ∂h_t/∂h_k = w^{t−k} ∏_{j=k+1}^{t} h_j(1 − h_j), the weight gradients and the backward recursion hold as printed; a
// power of w one off and the weight left out of the recursion are named.
import { describe, it } from 'vitest';
import { expectVerdicts } from './verdicts';

const ELMAN = String.raw`T = 5
input  x = [0.5, -1.0, 2.0, 0.3, -0.4]
target d = [1, 0, 1, 0, 1]
param  w = 0.8
param  u = 0.3
param  v = 1.5
param  b = 0.1
h_0 = 0.2
h_t = σ(w h_{t-1} + u x_t + b)
y_t = v h_t
E_t = (d_t - y_t)^2 / 2
loss E = Σ_t E_t
`;

describe('Elman network, vanishing-gradient products', () => {
  it('hold as printed', () => {
    expectVerdicts(ELMAN, [
      { check: '∂E/∂y_t = y_t - d_t', status: 'holds' },
      { check: '∂h_t/∂h_{t-1} = h_t (1 - h_t) w', status: 'holds' },
      { check: '∂h_5/∂h_1 = w^4 ∏_{k=2}^{5} h_k (1 - h_k)', status: 'holds' },
      { check: '∂h_t/∂h_k = w^{t-k} ∏_{j=k+1}^{t} h_j (1 - h_j)', status: 'holds' },
      { check: '∂E/∂w = Σ_t ∂E/∂h_t h_t (1 - h_t) h_{t-1}', status: 'holds' },
      { check: '∂E/∂h_t = (y_t - d_t) v + ∂E/∂h_{t+1} h_{t+1} (1 - h_{t+1}) w', status: 'holds' },
      { check: '∂h_5/∂h_1 = w^4 ∏_{k=1}^{4} h_k (1 - h_k)', status: 'fails', says: [/h_k should be h_\{k\+1\}/] },
    ]);
  });

  // a power of w one off failed with both values and nothing more (only v^2..v^4 lowered by one was an edit)
  it('a power of the weight one off is named', () => {
    expectVerdicts(ELMAN, [
      { check: '∂h_5/∂h_1 = w^5 ∏_{k=2}^{5} h_k (1 - h_k)', status: 'fails', says: [/w\^5 should be w\^4: with that the check holds/] },
      { check: '∂h_5/∂h_1 = w^3 ∏_{k=2}^{5} h_k (1 - h_k)', status: 'fails', says: [/w\^3 should be w\^4: with that the check holds/] },
      {
        check: '∂h_t/∂h_k = w^{t-k+1} ∏_{j=k+1}^{t} h_j (1 - h_j)',
        status: 'fails',
        says: [/w\^\(t − k \+ 1\) should be w\^\(t − k\): with that the check holds/],
      },
    ]);
  });

  // the weight w left out of the recursion's term got its value and the value it should have, not the factor
  it('the weight left out of the backward recursion is named', () => {
    expectVerdicts(ELMAN, [
      {
        check: '∂E/∂h_t = (y_t - d_t) v + ∂E/∂h_{t+1} h_{t+1} (1 - h_{t+1})',
        status: 'fails',
        says: [/it leaves out the factor w \(∂⁺h_\{t\+1\}\/∂h_t has it\)/],
      },
    ]);
  });
});

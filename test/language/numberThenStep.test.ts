// x_{2,t-1}, net_{1,t}: a vector sequence's entry as a number, then its step written with t (a weight gradient entry by
// entry, ∂E/∂W_{12} = Σ_t ∂E/∂net_{1,t} x_{2,t-1}, probe 27). Read step first, as y_{1,2} is, it was entry t − 1 at
// step 2: "cannot evaluate: index 0 is outside 1..2", the equation skipped. A number, then a step with a letter (t,
// t ± k, T, τ) is now that entry at that step; two numbers keep the step-first order.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';

const NET = `T = 3
input u : 2
target d : 2
param W : 2x2
param V : 2x2
x_0 = [0.1, -0.2]
net_t = W x_{t-1} + V u_t
x_t = tanh(net_t)
loss E = Σ_t 0.5 ‖x_t - d_t‖^2
`;

describe('a number, then a step written with t', () => {
  it('is the entry at that step', () => {
    expectVerdicts(NET, [
      { check: 'd+E/dW_{12} = 0', status: 'holds' },
      { check: '∂E/∂W_{12} = Σ_{t=1}^{T} ∂E/∂net_{1,t} x_{2,t-1}', status: 'holds' },
      { check: '∂E/∂W_{12} = Σ_{t=1}^{T} ∂E/∂net_{t,1} x_{t-1,2}', status: 'holds' },
      { check: 'x_{2,T} = x_T[2]', status: 'holds' },
      { check: 'x_{2,1} = x_2[1]', status: 'holds' },
    ]);
  });
});

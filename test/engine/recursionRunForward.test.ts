// A backward recursion run the wrong way: δ_{t-1} (or ∂L/∂a_{t-1}) where δ_{t+1} belongs, Jaeger's δ(n) = f'(net(n))
// [(d(n) − y(n)) + w δ(n+1)] written with n − 1 (session 43, probe 27). derivStepHint moved a derivative's step by one
// only, so the check failed with its values alone; the variable's step t ∓ 1 → t ± 1 is now tried, last.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';

const NET = `T = 4
input u = [0.5, -1.0, 0.8, 0.3]
target d = [0.2, -0.4, 0.5, 0.1]
param w = 0.6
param v = 0.9
x_0 = 0
a_t = w x_{t-1} + v u_t
x_t = tanh(a_t)
loss E = Σ_t 0.5 (d_t - x_t)^2
`;

describe('a recursion run forward', () => {
  it('∂E/∂a_{t-1} for ∂E/∂a_{t+1} is named, where it is defined', () => {
    expectVerdicts(NET, [
      {
        check: "∂E/∂a_t = tanh'(a_t) ((x_t - d_t) + w ∂E/∂a_{t-1})",
        status: 'fails',
        says: [/∂E\/∂a_\{t-1\} should be ∂E\/∂a_\{t\+1\}: with that step the check holds for t = 2\.\.3/],
      },
      { check: "∂E/∂a_t = tanh'(a_t) ((x_t - d_t) + w ∂E/∂a_{t+1}) for t = 1..3", status: 'holds' },
    ]);
  });
});

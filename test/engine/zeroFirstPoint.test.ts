// A side that is the other with the opposite sign was not said so where both sides are 0 at the first step judged
// (session 43, found on Williams & Zipser's ∂E_t/∂w = −e_t ∂h_t/∂w: ∂h_1/∂w = 0 with h_0 = 0): the constant ratio was
// read at the first point only, none was found there, and a factor edit won with "leaves out the factor 1/2; with
// that the right side is -0.5 times the other side". A point where both sides are 0 now says no ratio, and the ratio
// is read at the next (constantFactor.ts ratioAt, textbook.ts scaleHint).
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target d = [0.2, -0.4, 0.6]
param w = 0.6
param v = 0.5
h_0 = 0
h_t = tanh(w h_{t-1} + v x_t)
e_t = d_t - h_t
E_t = 1/2 (d_t - h_t)^2
loss E = Σ_t E_t
`;

describe('a constant ratio where the sides are 0 at the first step', () => {
  it('is read at the steps where they are not', () => {
    expectVerdicts(NET, [
      { check: '∂E_t/∂w = -e_t ∂h_t/∂w', status: 'holds' },
      {
        check: '∂E_t/∂w = e_t ∂h_t/∂w',
        status: 'fails',
        says: [/\. The right side is the left side with the opposite sign: a sign is wrong$/],
      },
      {
        check: '∂E_t/∂w = -2 e_t ∂h_t/∂w',
        status: 'fails',
        says: [/The 2 should be 1: the right side is 2 times the left at every point checked .*the ½ in E_t cancels the 2/],
      },
      // a side that is 0 where the other is not still has no ratio
      { check: '∂E_t/∂w = -e_t ∂h_t/∂w + (h_t - h_1) e_t', status: 'fails' },
    ]);
  });
});

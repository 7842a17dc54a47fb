// A Σ or ∏ whose bound is one step outside the sequence it reads (L = Σ_{t=0}^{T} (o_t − y_t)², Σ_{t=1}^{T+1}) failed
// with "o_t is not defined: o has no value at step 0", which names the reference, not the bound that is wrong. The
// verdict now names the bound and, where moving it by one makes the check hold at the file's values and at a draw,
// says so (engine/check/sumBound.ts).
import { describe, expect, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';
import { analyzeSolution } from '../../src/solution/index';

const NET = `T = 3
param w = 0.5
param v = 0.7
input x = [1, 2, 3]
target y = [0.2, 0.4, 0.6]
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
o_t = v h_t
loss L = Σ_t (o_t - y_t)^2
`;

describe('a sum bound one step outside the steps is named as the bound', () => {
  it('a lower bound 0, an upper bound T + 1, both, a range one step early, and a ∏’s bound', () => {
    expectVerdicts(NET, [
      {
        check: 'L = Σ_{t=0}^{T} (o_t - y_t)^2',
        status: 'fails',
        says: [
          /^fails: the sum's lower bound t = 0 is outside the steps o has \(1\.\.3\): o_t reads o_0 there\. From t = 1 the check holds$/,
        ],
      },
      {
        check: 'L = Σ_{t=1}^{T+1} (o_t - y_t)^2',
        status: 'fails',
        says: [
          /^fails: the sum's upper bound t = 4 \(T \+ 1\) is outside the steps o has \(1\.\.3\): o_t reads o_4 there\. Up to t = 3 \(T\) the check holds$/,
        ],
      },
      { check: 'L = Σ_{t=0}^{T+1} (o_t - y_t)^2', status: 'fails', says: [/Over t = 1\.\.3, both bounds one step in, the check holds$/] },
      {
        check: '∂L/∂v = Σ_{t=0}^{T-1} 2 (o_t - y_t) h_t',
        status: 'fails',
        says: [/lower bound t = 0 .*Over t = 1\.\.3, both bounds one step later, the check holds$/],
      },
      {
        check: '∂h_3/∂h_0 = ∏_{j=1}^{4} w (1 - h_j^2)',
        status: 'fails',
        says: [
          /^fails: the product's upper bound j = 4 \(T \+ 1\) is outside the steps h has \(0\.\.3\): h_j reads h_4 there\. Up to j = 3 \(T\) the check holds$/,
        ],
      },
      // a bound that reads the check's t: named at the step where it reads outside, moved as written
      {
        check: '∂h_t/∂h_0 = ∏_{j=1}^{t+1} w (1 - h_j^2) for t = 1..3',
        status: 'fails',
        says: [
          /^fails: at t = 3, the product's upper bound j = t\+1 is outside the steps h has \(0\.\.3\): h_j reads h_4 there\. Up to j = t the check holds$/,
        ],
      },
    ]);
  });

  it('a move that mends only at the file’s values is not said; an offset reference keeps its own hint first', () => {
    expectVerdicts(NET, [
      // x_1 − 1 is 0 at the file's values only: from t = 1 it does not hold at a draw
      {
        check: 'L = Σ_{t=0}^{T} (o_t - y_t)^2 + x_1 - 1',
        status: 'fails',
        says: [/^fails: the sum's lower bound t = 0 is outside the steps o has \(1\.\.3\): o_t reads o_0 there$/],
      },
      // the reference is what is wrong (x_{t-1} for x_t): said as before
      {
        check: '∂L/∂v = Σ_{t=1}^{T} 2 (o_t - y_t) x_{t-1} + Σ_t 2 (o_t - y_t) (h_t - x_t)',
        status: 'fails',
        says: [/^fails: x_\{t-1\} is not defined: x has no value at step 0\. x_\{t-1\} should be x_t: with that step the check holds$/],
      },
      // every reference one step early under the right bounds: the range moved is what mends it
      {
        check: '∂L/∂v = Σ_{t=1}^{T} 2 (o_{t-1} - y_{t-1}) h_{t-1}',
        status: 'fails',
        says: [
          /^fails: at the sum's lower bound t = 1, o_\{t-1\} reads o_0, outside the steps o has \(1\.\.3\)\. Over t = 2\.\.4, both bounds one step later/,
        ],
      },
    ]);
  });

  it('in a Markdown solution, the same message at the equation', () => {
    const md = '# Probe\n\n```rnn\n' + NET + '```\n\n$$ L = \\sum_{t=0}^{T} (o_t - y_t)^2 $$\n';
    const r = analyzeSolution(md, 'markdown');
    expect(r.equations.map((c) => [c.status, c.message])).toEqual([
      ['fails', "fails: the sum's lower bound t = 0 is outside the steps o has (1..3): o_t reads o_0 there. From t = 1 the check holds"],
    ]);
  });
});

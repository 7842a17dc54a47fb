// A Σ one term short names its bound, not only the path that term is: Σ_{t=2}^{T} for Σ_t in ∂L/∂W_hh leaves out
// the path through h̃_1, which pathHint (asked before boundHint) named alone. The bound is what the student wrote.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';

const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';

describe('a Σ started a step late, named as its bound', () => {
  it('where h_0 = 0 hides it: at the random draw that shows it, the bound and the path with its value', () => {
    expectVerdicts(SEED001, [
      {
        check: '∂L/∂W_hh = Σ_{t=2}^{T} ∂L/∂h̃_t h_{t-1}',
        status: 'holds-at-given-values',
        says: [
          /leans on the given value of h_0/,
          /At random draw 1: the Σ over t on the right side \(t = 2\.\.3\) leaves out its first term t = 1: with it the check holds \(it leaves out the path through h̃_1: the term ∂L\/∂h̃_1·∂⁺h̃_1\/∂W_hh = [-\d.]+\)$/,
        ],
      },
      { check: '∂L/∂W_hh = Σ_{t=1}^{T} ∂L/∂h̃_t h_{t-1}', status: 'holds' },
    ]);
  });
});

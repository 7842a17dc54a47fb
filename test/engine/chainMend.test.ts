// A sum of total-derivative terms with one factor's step wrong: each term is a chain ∂L_k/∂y_k ∂y_k/∂h_k ∂h_k/∂W_xh,
// and a factor whose numerator does not meet its neighbour's denominator (∂y_3/∂h_3 ∂h_2/∂W_xh) is named as a grader
// circles it. The one-term form was named already; in a sum of three the budget of one-step moves ran out first.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';

// seed 001's network (its check lines left out)
const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';

describe('a wrong step of one factor in a sum of chain terms (seed 001)', () => {
  it('names the factor in the third term, told from the same factor written right in the second', () => {
    expectVerdicts(SEED001, [
      {
        check: '∂L/∂W_xh = ∂L_1/∂y_1 ∂y_1/∂h_1 ∂h_1/∂W_xh + ∂L_2/∂y_2 ∂y_2/∂h_2 ∂h_2/∂W_xh + ∂L_3/∂y_3 ∂y_3/∂h_3 ∂h_2/∂W_xh',
        status: 'fails',
        says: [/\. The second ∂h_2\/∂W_xh should be ∂h_3\/∂W_xh: with that step the check holds$/],
      },
      // the same chain written right holds (the test above is no artefact of the network)
      {
        check: '∂L/∂W_xh = ∂L_1/∂y_1 ∂y_1/∂h_1 ∂h_1/∂W_xh + ∂L_2/∂y_2 ∂y_2/∂h_2 ∂h_2/∂W_xh + ∂L_3/∂y_3 ∂y_3/∂h_3 ∂h_3/∂W_xh',
        status: 'holds',
      },
      // two steps off (∂h_1 in the third term): the neighbour's step, not one step over
      {
        check: '∂L/∂W_xh = ∂L_1/∂y_1 ∂y_1/∂h_1 ∂h_1/∂W_xh + ∂L_2/∂y_2 ∂y_2/∂h_2 ∂h_2/∂W_xh + ∂L_3/∂y_3 ∂y_3/∂h_3 ∂h_1/∂W_xh',
        status: 'fails',
        says: [/The second ∂h_1\/∂W_xh should be ∂h_3\/∂W_xh: with that step the check holds/],
      },
      // the middle factor's denominator wrong: the chain mended from its other end
      {
        check: '∂L/∂W_xh = ∂L_1/∂y_1 ∂y_1/∂h_1 ∂h_1/∂W_xh + ∂L_2/∂y_2 ∂y_2/∂h_2 ∂h_2/∂W_xh + ∂L_3/∂y_3 ∂y_3/∂h_2 ∂h_3/∂W_xh',
        status: 'fails',
        says: [/∂y_3\/∂h_2 should be ∂y_3\/∂h_3: with that step the check holds/],
      },
      // a numerator's step that breaks the chain makes a derivative 0: the step named, not only the 0
      {
        check: '∂L/∂W_xh = ∂L_1/∂y_1 ∂y_1/∂h_1 ∂h_1/∂W_xh + ∂L_2/∂y_2 ∂y_2/∂h_2 ∂h_2/∂W_xh + ∂L_3/∂y_2 ∂y_3/∂h_3 ∂h_3/∂W_xh',
        status: 'fails',
        says: [/\. ∂L_3\/∂y_2 should be ∂L_3\/∂y_3: with that step the check holds$/],
      },
      // a 0 with no chain to mend is still said as the 0
      { check: '∂L/∂y_3 = ∂L_2/∂y_3', status: 'fails', says: [/∂L_2\/∂y_3 is 0: L_2 does not depend on y_3/] },
    ]);
  });
});

// probe 49 (an assistant's answer): the earlier factor of a Jacobian chain copied from the later one, ∂h_2/∂h_1 ·
// ∂h_2/∂h_1 for ∂h_3/∂h_2 · ∂h_2/∂h_1, gave two values: only the later factor was moved as a whole
describe('the earlier factor of a chain one step off as a whole', () => {
  it('is named: its denominator meets the next numerator, its numerator moves by as much', () => {
    expectVerdicts(SEED001, [
      { check: '∂h_3/∂h_1 = ∂h_2/∂h_1 ∂h_2/∂h_1', status: 'fails', says: [/The first ∂h_2\/∂h_1 should be ∂h_3\/∂h_2: with that step/] },
      { check: '∂h_3/∂h_1 = ∂h_3/∂h_2 ∂h_2/∂h_1', status: 'holds' },
    ]);
  });
});

// A sign slipped inside a factor: σ's slope written o_t(1 + o_t), the product rule's (h_2 − w_h ∂h_2/∂w_h). The local
// factor hint read the term as a value that was off (and said by how much), or nothing was said; a grader circles the
// sign.
import { describe, it } from 'vitest';
import { expectVerdicts } from '../textbook/verdicts';
import { fixture } from '../seeds/helpers';
import { D2L_SCALAR } from '../textbook/vanilla';

const SEED001 = fixture('seed001.rnn').split('\n').slice(0, 18).join('\n') + '\n';
const SIGN = /: with that sign the check holds$/;

describe('a + for a − inside a factor is named as the sign', () => {
  it("d2l's scalar model: the product rule's sign inside a bracket, and tanh's slope 1 + h²", () => {
    expectVerdicts(D2L_SCALAR, [
      { check: '∂h_3/∂w_h = (1 - h_3^2) (h_2 + w_h ∂h_2/∂w_h)', status: 'holds' },
      {
        check: '∂h_3/∂w_h = (1 - h_3^2) (h_2 - w_h ∂h_2/∂w_h)',
        status: 'fails',
        says: [/\. \(h_2 − w_h ∂h_2\/∂w_h\) should be \(h_2 \+ w_h ∂h_2\/∂w_h\)/, SIGN],
      },
      { check: '∂L/∂w_h = Σ_t ∂L/∂h_t (1 + h_t^2) h_{t-1}', status: 'fails', says: [/\. \(1 \+ h_t\^2\) should be \(1 − h_t\^2\)/, SIGN] },
    ]);
  });

  it("seed 001: σ' written y_3(1 + y_3) in a sum of terms", () => {
    expectVerdicts(SEED001, [
      {
        check: '∂L/∂h_3 = ∂L_3/∂y_3 y_3 (1 + y_3) W_hy',
        status: 'fails',
        says: [/\. \(1 \+ y_3\) should be \(1 − y_3\)/, SIGN],
      },
    ]);
  });
});

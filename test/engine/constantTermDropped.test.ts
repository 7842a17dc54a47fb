// A number written as a term of its own, in a formula of four or more terms: "the term 0.5 should not be there". The
// one-edit hint tries no edits of formulas that long (they are the term matcher's), and the line got its values only
// (session 41, a probe of student solutions: named with three terms, not with four).
import { describe, expect, it } from 'vitest';
import { failingMessage } from './toyNets';

const NET = `T = 3
input  x = [1.0, -0.5, 0.25]
target y = [0.5, -0.2, 0.1]
param  u = 0.4
param  w = 0.9
param  v = 1.2
s_0 = 0
a_t = u x_t + w s_{t-1}
s_t = tanh(a_t)
ŷ_t = v s_t
E_t = (ŷ_t - y_t)^2
loss E = Σ_t E_t
`;

describe('a stray number in a long formula', () => {
  it('is named, wherever it is written', () => {
    for (const side of [
      '2 ŷ_2 v - 2 y_2 v + ∂E/∂s_3 (1 - s_3^2) w + 0.5',
      '0.5 + 2 ŷ_2 v - 2 y_2 v + ∂E/∂s_3 (1 - s_3^2) w',
      '2(ŷ_2 - y_2) v + ∂E/∂s_3 w - ∂E/∂s_3 s_3^2 w + 0.5',
    ])
      expect(failingMessage(NET, `∂E/∂s_2 = ${side}`), side).toMatch(/The term 0\.5 should not be there: with that the check holds$/);
  });

  it('is not said where the number is no mistake', () => {
    expect(failingMessage(NET, '∂E/∂s_2 = 2 ŷ_2 v - 2 y_2 v + ∂E/∂s_3 (1 - s_3^2) u + 0.5')).not.toMatch(/0\.5 should not be there/);
  });
});

// A ratio of the sides seen only at the file's values is no cause to name (check/constantFactor.ts): with x_2 = 2,
// 2(h_3 − y_3) x_2 was "the right side is 2 times the left side" (scaleHint was given the file's ratio even
// when a draw showed another); the factor that is too many is named instead. And −1/T, which factorEdit's list
// already had, is a ratio scaleHint explains, as constantFactor's list now says too.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3\nparam w = 0.5\ninput x = [1, 2, 3]\ntarget y = [1, 0, 1]\nh_0 = 0\nh_t = tanh(w h_{t-1} + x_t)\nloss L = Σ_t (h_t - y_t)^2\n`;
const check = (line: string) => analyze(`${NET}check ${line}\n`).checks[0]!;

describe('a constant ratio is named only when the draws show it too', () => {
  it('2(h_3 − y_3) x_2 (x_2 = 2): the factor x_2, not "2 times"', () => {
    const c = check('∂L/∂h_3 = 2(h_3 - y_3) x_2');
    expect(c.status).toBe('fails');
    expect(c.message).not.toMatch(/2 times the left side/);
    expect(c.message).toMatch(/The factor x_2 should not be there: with that the check holds/);
  });
  it('2(h_3 − y_3)(1 + x_1) (x_1 = 1): the factor, in parentheses as it is written', () => {
    expect(check('∂L/∂h_3 = 2(h_3 - y_3)(1 + x_1)').message).toMatch(
      /The factor \(1 \+ x_1\) should not be there: with that the check holds/,
    );
  });
  it('a ratio the draws confirm is still named: 4(h_3 − y_3)', () => {
    expect(check('∂L/∂h_3 = 4(h_3 - y_3)').message).toMatch(/The 4 should be 2: the right side is 2 times the left at every point checked/);
  });
  it('−1/T: a factor 1/T too many and a sign wrong, as a mean loss’s factor (not "the 2 should be −6")', () => {
    const c = check('∂L/∂h_3 = -(2/3)(h_3 - y_3)');
    expect(c.message).toMatch(/The right side is −1\/T times the left side: it has a factor 1\/T too many .*and a sign is wrong/);
    expect(c.message).not.toMatch(/should be −6/);
  });
});

describe('a scalar name written before the rest of a side is a factor that may be too many', () => {
  it('w ∂h_3/∂h_2 ⋯ ∂h_1/∂h_0 and w 2(h_3 − y_3) name w (their ratio is w, 0.5 only at the file’s values)', () => {
    expect(check('∂h_3/∂h_0 = w ∂h_3/∂h_2 ⋯ ∂h_1/∂h_0').message).toMatch(/The factor w should not be there: with that the check holds/);
    expect(check('∂L/∂h_3 = w 2(h_3 - y_3)').message).toMatch(/The factor w should not be there: with that the check holds/);
  });
});

describe('a sign is wrong only when the sides are opposite at a draw too (textbook.ts signHint)', () => {
  it('2(h_3 − y_3)(x_1 − 2) with x_1 = 1: the factor, not "a sign is wrong"', () => {
    const c = check('∂L/∂h_3 = 2(h_3 - y_3)(x_1 - 2)');
    expect(c.message).not.toMatch(/a sign is wrong/);
    expect(c.message).toMatch(/The factor \(x_1 − 2\) should not be there: with that the check holds/);
  });
  it('2(y_3 − h_3) is still a sign', () => {
    expect(check('∂L/∂h_3 = 2(y_3 - h_3)').message).toMatch(/with the opposite sign: a sign is wrong/);
  });
});

// A wrong constant factor other than a sign, 2 or 1/T is named (check/constantFactor.ts): the sides in one ratio at
// the file's values and at every random draw, and the number written in a side that, undone by the ratio, makes the
// check hold (confirmed at a draw). Two constants (an LSTM's parameter count) are in one ratio at any values: no hint.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { ratioText } from '../../src/engine/check/constantFactor';

const NET = `T = 3
input x = [0.5, 2, -1]
target y = [1, 0, 1]
param w = 0.7
param u = 0.4
h_0 = 0
h_t = tanh(w h_{t-1} + u x_t)
L_t = (h_t - y_t)^2
loss L = Σ_t L_t
`;

const check = (line: string) => {
  const r = analyze(`${NET}check ${line}\n`);
  return r.checks[0]!;
};

describe('a wrong constant factor', () => {
  it('3 for 2: the number is named, with the ratio at every point checked', () => {
    const c = check('∂L/∂h_3 = 3(h_3 - y_3)');
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The 3 should be 2: the right side is 3/2 times the left at every point checked');
    expect(c.message).toContain("the file's values and 4 random draws");
    // the culprit is the 3 as written (line 10, column 17)
    expect(c.culprit).toMatchObject({ line: 10, column: 17, endColumn: 18 });
  });

  it('on the left side, a decimal, a divisor, a factor too many', () => {
    expect(check('3(h_3 - y_3) = ∂L/∂h_3').message).toContain('The 3 should be 2: the left side is 3/2 times the right');
    expect(check('∂L/∂h_3 = 2.5(h_3 - y_3)').message).toContain('The 2.5 should be 2: the right side is 5/4 times the left');
    expect(check('∂L/∂h_3 = 1.7(h_3 - y_3)').message).toContain('The 1.7 should be 2: the right side is 0.85 times the left');
    expect(check('∂L/∂h_3 = 2(h_3 - y_3)/3').message).toContain('The division by 3 should not be there');
    expect(check("∂h_3/∂h_2 = 2 tanh'(w h_2 + u x_3) w").message).toContain('The factor 2 should not be there');
    expect(check('∂L/∂w = 3 Σ_t ∂L_t/∂w').message).toContain('The factor 3 should not be there');
  });

  it('with no number to blame, the ratio alone', () => {
    const c = check('∂L/∂h_3 = 2(h_3 - y_3) + 0.5(h_3 - y_3)');
    expect(c.message).toContain('The right side is 5/4 times the left at every point checked');
    expect(c.message).toContain('a constant factor is wrong');
  });

  it('the ratios with a known cause keep their words when no number is written', () => {
    expect(check('∂L/∂h_3 = (h_3 - y_3)').message).toContain('The right side is 0.5 times the left side');
    expect(check('∂L/∂h_3 = -2(h_3 - y_3)').message).toContain('a sign is wrong');
  });

  it('a ratio seen at the file’s values only is not a constant factor', () => {
    // w h_2 for w: the ratio is h_2 at the file's values, another at every draw
    const c = check("∂h_3/∂h_2 = tanh'(w h_2 + u x_3) w h_2");
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('at every point checked');
  });

  it('two constants are in one ratio at any values: no constant-factor hint', () => {
    const r = analyze(`T = 2
input x : 2
param W : 3x2
param b : 3
h_t = tanh(W x_t + b)
L_t = sum(h_t)
loss L = Σ_t L_t
check count(params) = 3(count(W) + count(b))
`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).not.toContain('at every point checked');
  });

  it('prints a ratio as a simple fraction when it is one', () => {
    expect(ratioText(1.5)).toBe('3/2');
    expect(ratioText(-2)).toBe('−2');
    expect(ratioText(1 / 3)).toBe('1/3');
    expect(ratioText(0.85)).toBe('0.85');
    expect(ratioText(Math.PI)).toBe('3.142');
  });
});

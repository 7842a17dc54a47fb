// The integration tests read numbers and names out of rendered hovers; these helpers decide pass or fail,
// so they are tested themselves (plain vitest: they import nothing from VS Code).
import { describe, expect, it } from 'vitest';
import { mathKey, numbersIn, plain, showsNumber } from './suite/text';

describe('reading rendered math text', () => {
  it('accepts a number shown to its printed precision, and only then', () => {
    expect(showsNumber('∂L/∂W = 0.04051', 0.0405066)).toBe(true);
    expect(showsNumber('= 0.0405', 0.0405066)).toBe(true);
    expect(showsNumber('= 0.0406', 0.0405066)).toBe(false);
    expect(showsNumber('= 0.04052', 0.0405066)).toBe(false);
    expect(showsNumber('−0.1840', -0.18401)).toBe(true);
    expect(showsNumber('-0.184', 0.184)).toBe(false);
    expect(showsNumber('1.726e-6', 1.7262e-6)).toBe(true);
    expect(showsNumber('1.726e-5', 1.7262e-6)).toBe(false);
  });

  it('does not take one-digit step indices or glued table cells for the value', () => {
    expect(showsNumber('h<sub>2</sub> and t = 3', 2)).toBe(false);
    expect(showsNumber('<td>0.1969</td><td>0.1461</td>', 0.1461)).toBe(true);
    expect(numbersIn('<td>0.1969</td><td>0.1461</td>').map((n) => n.value)).toEqual([0.1969, 0.1461]);
  });

  it('compares names whatever the markup: W_hh, W<sub>hh</sub>, W_{hh}, W\\_hh', () => {
    const key = mathKey('∂L/∂W_hh');
    for (const s of ['∂L/∂W<sub>hh</sub>', '∂L/∂W_{hh}', '∂L/∂W\\_hh', '∂L / ∂W_hh']) expect(mathKey(s)).toBe(key);
    expect(mathKey('∂L/∂W_xh')).not.toBe(key);
    expect(plain('a &lt; b')).toBe('a < b');
  });
});

// LANGUAGE.md §5: derive shows the derivative's number. For a network with decimal values and no σ/tanh the number
// is also given exactly — useful for 8/15 ≈ 0.533333, noise for `4102223949811441/16384000000000000 ≈ 0.25038` (a
// fourth power of decimals) and for `27/4000 ≈ 0.00675`, which is the decimal shown. A fraction is shown only when it
// is short and is not a decimal of at most six significant digits.
import { describe, expect, it } from 'vitest';
import { isShortDecimal } from '../../src/display/number';
import { renderText } from '../../src/cli-render';
import { analyze } from '../../src/analysis';

describe('exact values are shown where they say more than the decimal', () => {
  it('isShortDecimal: terminating decimals of at most six significant digits', () => {
    expect(['27/4000', '-7057/2000', '3', '[1/4, -1/8]', '1/64'].map(isShortDecimal)).toEqual([true, true, true, true, true]);
    expect(['8/15', '1/3', '[1/4, 1/3]', '1/1024', '4102223949811441/16384000000000000'].map(isShortDecimal)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('a free-t derive of a polynomial network: no long or needless fractions', () => {
    const text = [
      'T = 2',
      'param w = 0.5',
      'input x = [1,2]',
      'h_0 = 0.3',
      'h_t = (w h_{t-1})^4 + x_t',
      'loss L = Σ_t h_t',
      'derive ∂h_t/∂h_{t-1}',
      '',
    ].join('\n');
    const r = analyze(text, { forms: true });
    const out = renderText('f.rnn', r);
    expect(out).toContain('t = 1: 0.00675, t = 2: 0.25038');
    expect(out).not.toMatch(/\d\/\d/);
  });

  it('a fraction that does not terminate keeps its exact value', () => {
    const text = [
      'T = 2',
      'param w = 0.3',
      'input x = [1, 2]',
      'h_0 = 0.5',
      'h_t = w h_{t-1} / 3 + x_t',
      'loss L = Σ_t h_t',
      'derive ∂L/∂w',
      '',
    ].join('\n');
    const r = analyze(text, { forms: true });
    expect(r.derives[0]!.results[0]!.exact).toBe('8/15');
    expect(r.derives[0]!.results[0]!.text).toContain('= 8/15 ≈ 0.533333');
  });
});

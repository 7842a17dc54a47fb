// LANGUAGE.md §6: NaN or infinity in a result is a diagnostic, and a message names the culprit. A check on a
// quantity whose value is −∞ said "r is -∞ (an overflow)" where r = log(w − 0.3) at w = 0.3 is a log of 0: the
// quantity's own equation at that step is searched now, and the part that is not finite named there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

function messages(...lines: string[]): string[] {
  return analyze([...lines, ''].join('\n')).checks.map((c) => c.message);
}

describe('a quantity that is not a finite number: the cause in its definition', () => {
  it('a log of 0 in an untimed quantity', () => {
    const [m] = messages('T = 1', 'param w = 0.3', 'r = log(w - 0.3)', 'loss L = w^2', 'check r = 1');
    expect(m).toContain(
      'not a finite number (NaN or ∞): r is -∞, by its definition: log(w − 0.3): log is defined for positive numbers only, and its argument is 0',
    );
    expect(m).not.toContain('overflow');
  });

  it('at a step: the equation printed at that step', () => {
    const net = [
      'T = 3',
      'param w = 0.3',
      'input x = [1, 2, 3]',
      'h_0 = 0',
      'h_t = tanh(w h_{t-1} + x_t)',
      'g_t = 1/(h_t - h_t)',
      'e_t = exp(1000 h_t)',
      'loss L = Σ_t h_t',
    ];
    const [g, e] = messages(...net, 'check g_2 = 1', 'check e_2 = 1');
    expect(g).toContain('g_2 is ∞, by its definition: 1/(h_2 − h_2) divides by 0 (h_2 − h_2 is 0)');
    expect(e).toContain('e_2 is ∞, by its definition: exp(1000 h_2) is ∞ (an overflow)');
  });
});

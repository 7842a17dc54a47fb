// A number past a float64's range (1e400) is an error where it is written: before, it read as ∞ silently and the
// message came from whatever used it ("Infinity is ∞ (an overflow)", or the loss's NaN). In a check, in a
// declaration's value, and inside a literal of numbers (the packed and the item-by-item readers alike).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const beyond = (text: string) =>
  analyze(text)
    .diagnostics.filter((d) => d.severity === 'error' && /beyond a float64's range/.test(d.message))
    .map((d) => [d.line, d.column, d.message.match(/the number (\S+)/)![1]]);

const NET = (w: string, x: string) => `T = 2\nparam w = ${w}\ninput x = ${x}\nh_0 = 0\nh_t = w h_{t-1} + x_t\nloss L = Σ_t h_t\n`;

describe('a number past the float64 range', () => {
  it('in a declaration, a literal and a check, each where it is written', () => {
    expect(beyond(NET('1e400', '[1, 2]'))).toEqual([[2, 11, '1e400']]);
    expect(beyond(NET('1', '[1, 1e999]'))).toEqual([[3, 15, '1e999']]);
    expect(beyond(NET('1', '[[1], [2.5e308]]'))).toEqual([[3, 18, '2.5e308']]);
    expect(beyond(NET('1', '[1, 2]') + 'check w = 1e400\n')).toEqual([[7, 11, '1e400']]);
  });

  it('the largest float64 and a number that underflows to 0 are no error', () => {
    expect(beyond(NET('1.7976931348623157e308', '[1e-400, 2]'))).toEqual([]);
  });
});

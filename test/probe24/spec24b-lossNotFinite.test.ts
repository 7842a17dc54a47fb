// LANGUAGE.md §6: "NaN or infinity in a result" is a diagnostic, and every diagnostic says precisely what is wrong. A
// check's side that is not finite was traced into its equation (spec23); the loss's own warning said only "the loss L
// is not a finite number (NaN or ∞)", leaving the student to find the log of a negative input. It now names where.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const warning = (src: string) => analyze(src).diagnostics.find((d) => d.code === 'nan')?.message;

describe('a loss that is not a finite number says where it became one', () => {
  it('a log of a negative input, inside a Σ', () => {
    expect(warning('T = 3\ninput x = [0.5, -1.0, 2.0]\nz_t = log(x_t)\nloss L = Σ_t z_t')).toMatch(
      /^the loss L is not a finite number \(NaN or ∞\): .*log\(x_2\): log is defined for positive numbers only, and its argument is -1/,
    );
  });

  it('a division by zero in the loss itself; a log of 0 in a quantity it uses', () => {
    expect(warning('T = 2\nparam w = 0\nloss L = 1/w')).toBe('the loss L is not a finite number (NaN or ∞): 1/w divides by 0 (w is 0)');
    expect(warning('T = 2\nparam w = 0.3\nr = log(w - 0.3)\nloss L = r^2 + w')).toBe(
      'the loss L is not a finite number (NaN or ∞): r is -∞, by its definition: log(w − 0.3): log is defined for positive numbers only, and its argument is 0',
    );
  });

  it('a finite loss has no such warning', () => {
    expect(warning('T = 2\nparam w = 1\nloss L = 1/w')).toBeUndefined();
  });
});

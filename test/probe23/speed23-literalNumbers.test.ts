// The lexer reads a literal's common entries (digits, a point, digits) inline: every entry of a packed literal
// is still the double Number() gives for its text, for short and long mantissas, exponents and signs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** an entry as it may be written: up to 20 digits before and after the point, sometimes an exponent */
const entry = fc
  .tuple(
    fc.constantFrom('', '-'),
    digits(0, 12),
    fc.option(digits(1, 12), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3)), { nil: undefined }),
  )
  .filter(([, int, frac]) => int.length > 0 || frac !== undefined)
  .map(([sign, int, frac, exp]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}${exp ? exp.join('') : ''}`)
  // past a float64's range (1e310) an entry is an error where it is written (test/language/numberRange.test.ts)
  .filter((s) => Number.isFinite(Number(s)));

describe('speed23: a packed literal’s entries are Number() of their text', () => {
  it('random entries, vector literal', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), (xs) => {
        const { model, diagnostics } = compile(`T = 1\nparam w : ${xs.length} = [${xs.join(', ')}]\n`);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const got = Array.from(model.decls.get('w')!.values![0]!);
        // Object.is: −0 for "-0.0", and the last bit of every entry
        got.forEach((x, i) => expect(Object.is(x, Number(xs[i]))).toBe(true));
      }),
      { numRuns: 400 },
    );
  });

  it('fifteen and sixteen digits, the edge of the inline reading', () => {
    // 15 digits (read inline), 16 (by Number()), a 16-digit integer past 2^53, 18 decimals, and −0
    const ok = ['123456789.012345', '1234567890.123456', '0.000000000000001', '9007199254740993', '.123456789012345678', '-0.0'];
    const { model } = compile(`T = 1\nparam w : ${ok.length} = [${ok.join(', ')}]\n`);
    const got = Array.from(model.decls.get('w')!.values![0]!);
    got.forEach((x, i) => expect(Object.is(x, Number(ok[i]))).toBe(true));
  });
});

// formatNumber's plain range is spelt out without the round trip String(Number(x.toPrecision(d))) (issue 11,
// speed): the same string for every double and every precision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberLatex, valueLatex, valueText, valueTextAndLatex } from '../src/display/number';

const roundTrip = (x: number, d: number) => String(Number(x.toPrecision(d)));

describe('formatNumber in 1e-4 ≤ |x| < 1e6', () => {
  it('equals the round trip through Number for random doubles and precisions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 999999.9999999999, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 15 }),
        (ax, neg, d) => {
          const x = neg ? -ax : ax;
          expect(formatNumber(x, d)).toBe(roundTrip(x, d));
        },
      ),
      { numRuns: 20000 },
    );
  });
  it('equals it where rounding carries to the next power of ten or leaves whole numbers', () => {
    for (const x of [9.99996, 99999.95, 999999.5, 0.000999999, 0.96, 9.6, 123456, 100, 1e-4, 0.1, 0.30000000000000004])
      for (let d = 1; d <= 15; d++) {
        expect(formatNumber(x, d)).toBe(roundTrip(x, d));
        expect(formatNumber(-x, d)).toBe(roundTrip(-x, d));
      }
  });
});

describe('valueTextAndLatex', () => {
  const num = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e-7, -2e6, 0.5));
  const value = fc.oneof(
    num,
    fc.array(num, { minLength: 1, maxLength: 5 }),
    fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(num, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 })),
    fc.array(fc.array(fc.array(num, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  );
  it('is valueText and valueLatex of the same value, each entry formatted once', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 15 }), (v, d) => {
        expect(valueTextAndLatex(v, d)).toEqual({ text: valueText(v, d), latex: valueLatex(v, d) });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numberLatex', () => {
  // the regular expression it ran on every number before issue 11 (now only on numbers with an exponent)
  const before = (x: number, d: number) => {
    if (Number.isNaN(x)) return '\\text{NaN}';
    const s = formatNumber(x, d);
    const m = /^(-?[\d.]+)e(-?\d+)$/.exec(s);
    return m ? `${m[1]} \\times 10^{${m[2]}}` : s.replace('∞', '\\infty');
  };
  it('is what it was for every double', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e-300, -5e12)),
        fc.integer({ min: 1, max: 15 }),
        (x, d) => {
          expect(numberLatex(x, d)).toBe(before(x, d));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

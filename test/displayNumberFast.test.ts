// formatNumber's plain range is spelt out without the round trip String(Number(x.toPrecision(d))) (issue 11,
// speed): the same string for every double and every precision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/display/number';

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

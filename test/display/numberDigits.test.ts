// formatNumber's digits come from one product with an exact power of ten, and toPrecision only near a
// rounding tie (issue 11, speed): the same string as String(Number(x.toPrecision(d))) on the numbers
// people write (short decimals), on exact and near ties, and next to every power of ten of the range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/display/number';

const roundTrip = (x: number, d: number) => String(Number(x.toPrecision(d)));
const both = (x: number, d: number) => {
  expect(formatNumber(x, d)).toBe(roundTrip(x, d));
  expect(formatNumber(-x, d)).toBe(roundTrip(-x, d));
};
const inRange = (x: number) => x >= 1e-4 && x < 1e6;

describe('formatNumber from scaled digits', () => {
  it('short decimals m / 10^j at every precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 15 }), (m, j, d) => {
        const x = m / 10 ** j;
        if (inRange(x)) both(x, d);
      }),
      { numRuns: 20000 },
    );
  }, 30_000);
  it('exact and near ties: (k + 1/2) · 10^e and its neighbouring doubles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: -9, max: 5 }), fc.integer({ min: -2, max: 2 }), (k, e, ulps) => {
        let x = (k + 0.5) * 10 ** e;
        for (let u = 0; u < Math.abs(ulps); u++) x = ulps > 0 ? nextUp(x) : nextDown(x);
        if (!inRange(x)) return;
        for (let d = 1; d <= 8; d++) both(x, d);
      }),
      { numRuns: 5000 },
    );
  }, 30_000);
  it('next to every power of ten of the range, and where rounding carries over it', () => {
    for (let e = -4; e <= 6; e++) {
      const p = 10 ** e;
      for (const x of [p, nextUp(p), nextDown(p), p * (1 - 1e-7), p * (1 - 4e-6), p * (1 + 1e-12), p * 0.99995, p * 0.999995])
        if (inRange(x)) for (let d = 1; d <= 15; d++) both(x, d);
    }
  });
});

const buf = new DataView(new ArrayBuffer(8));
function nextUp(x: number): number {
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
  return buf.getFloat64(0);
}
function nextDown(x: number): number {
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) - 1n);
  return buf.getFloat64(0);
}

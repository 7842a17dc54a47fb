// Rat (src/engine/symbolic/rational.ts: fraction.js underneath) against a BigInt reference written here:
// + − × ÷ and integer powers of random rationals give the reduced fraction the textbook formula gives;
// decimals are read as written; the digit limit and division by zero are NotExact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotExact, Rat } from '../../src/engine/symbolic/rational';

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/** The reference: a reduced [numerator, positive denominator]. */
function reduced(n: bigint, d: bigint): [bigint, bigint] {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = big.filter((x) => x !== 0n);
const rational = fc.tuple(big, nonZero);

const parts = (r: Rat): [bigint, bigint] => [r.n, r.d];

describe('Rat against a BigInt reference', () => {
  it('of() reduces and puts the sign on the numerator', () => {
    fc.assert(
      fc.property(rational, ([n, d]) => {
        expect(parts(Rat.of(n, d))).toEqual(reduced(n, d));
      }),
      { numRuns: 300 },
    );
  });

  it('+ − × ÷ give the reduced textbook fraction', () => {
    fc.assert(
      fc.property(rational, rational, ([a, b], [c, d]) => {
        const x = Rat.of(a, b);
        const y = Rat.of(c, d);
        expect(parts(x.add(y))).toEqual(reduced(a * d + c * b, b * d));
        expect(parts(x.sub(y))).toEqual(reduced(a * d - c * b, b * d));
        expect(parts(x.mul(y))).toEqual(reduced(a * c, b * d));
        if (c !== 0n) expect(parts(x.div(y))).toEqual(reduced(a * d, b * c));
        else expect(() => x.div(y)).toThrow(NotExact);
        expect(parts(x.neg())).toEqual(reduced(-a, b));
        expect(x.sign()).toBe(a === 0n ? 0 : a < 0n === b < 0n ? 1 : -1);
        expect(x.isInteger()).toBe(reduced(a, b)[1] === 1n);
      }),
      { numRuns: 300 },
    );
  });

  it('integer powers, negative ones included', () => {
    const small = fc.tuple(fc.bigInt({ min: -999n, max: 999n }), fc.bigInt({ min: 1n, max: 999n }));
    fc.assert(
      fc.property(small, fc.integer({ min: -12, max: 12 }), ([n, d], k) => {
        const x = Rat.of(n, d);
        if (k < 0 && n === 0n) {
          expect(() => x.pow(k)).toThrow(NotExact);
          return;
        }
        const ref = k >= 0 ? reduced(n ** BigInt(k), d ** BigInt(k)) : reduced(d ** BigInt(-k), n ** BigInt(-k));
        expect(parts(x.pow(k))).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a decimal as the fraction its spelling denotes', () => {
    // up to 15 significant digits, so the number's shortest spelling is the one generated
    const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: -20, max: 20 }));
    fc.assert(
      fc.property(decimal, ([negative, m, e]) => {
        const n = negative ? -m : m;
        const r = Rat.fromNumber(Number(`${n}e${e}`));
        expect(parts(r)).toEqual(e >= 0 ? reduced(n * 10n ** BigInt(e), 1n) : reduced(n, 10n ** BigInt(-e)));
      }),
      { numRuns: 300 },
    );
    expect(Rat.fromNumber(0.1).toString()).toBe('1/10');
    expect(Rat.fromNumber(-0).toString()).toBe('0');
  });

  it('is NotExact past the digit limit, at a huge power, and for what is not a finite number', () => {
    const third = Rat.of(1n, 3n);
    expect(third.pow(300).toString()).toBe(`1/${3n ** 300n}`);
    expect(() => third.pow(900)).toThrow(NotExact);
    expect(() => Rat.int(2).pow(1e9)).toThrow(NotExact);
    expect(
      Rat.int(-1)
        .pow(1e9 + 1)
        .toString(),
    ).toBe('-1');
    expect(() => Rat.of(10n ** 200n, 10n ** 200n + 1n)).toThrow(NotExact);
    expect(() => Rat.of(1n, 0n)).toThrow(NotExact);
    expect(() => Rat.fromNumber(Infinity)).toThrow(NotExact);
    expect(() => Rat.fromNumber(NaN)).toThrow(NotExact);
    expect(() => Rat.int(2).pow(0.5)).toThrow(NotExact);
    expect(Rat.of(7n, -14n).toNumber()).toBe(-0.5);
  });
});

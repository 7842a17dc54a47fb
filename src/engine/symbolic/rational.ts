// Exact rationals, just enough to show a polynomial network's gradient as a fraction (the binary-addition
// RNN): + − × ÷, integer powers, comparisons. The arithmetic is fraction.js (BigInt; the Fraction type
// mathjs uses); this wrapper adds what Unroll needs around it: decimal inputs are read from their shortest
// decimal spelling, so 0.1 is 1/10 — the number the user wrote, not its binary neighbour — and a result
// past MAX_DIGITS (or a division by zero) is NotExact, so the caller falls back to floating point.

import Fraction from 'fraction.js';

export class NotExact extends Error {}

/** Give up beyond this many digits: the fraction would not help anyone read the result. */
const MAX_DIGITS = 400;

/** log10(2): the fewest digits a power of a rational other than 0, ±1 gains per step. */
const MIN_DIGITS_PER_POWER = Math.log10(2);

export class Rat {
  private constructor(private readonly f: Fraction) {}

  /** The numerator, signed. */
  get n(): bigint {
    return this.f.s * this.f.n;
  }
  /** The denominator, positive. */
  get d(): bigint {
    return this.f.d;
  }

  static of(n: bigint, d: bigint = 1n): Rat {
    if (d === 0n) throw new NotExact('division by zero');
    return Rat.checked(new Fraction(n, d));
  }

  /** A fraction.js result within the digit limit. */
  private static checked(f: Fraction): Rat {
    if (f.n.toString().length + f.d.toString().length + (f.s < 0n ? 1 : 0) > MAX_DIGITS) throw new NotExact('too many digits');
    return new Rat(f);
  }

  static int(k: number): Rat {
    return Rat.of(BigInt(k));
  }

  /** The rational the shortest decimal spelling of x denotes (1e-7 and 0.1 included). */
  static fromNumber(x: number): Rat {
    if (!Number.isFinite(x)) throw new NotExact('not finite');
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
    if (!m) throw new NotExact(`cannot read ${x}`);
    const frac = m[3] ?? '';
    let n = BigInt(m[2] + frac);
    let d = 10n ** BigInt(frac.length);
    const e = m[4] ? Number(m[4]) : 0;
    if (e > 0) n *= 10n ** BigInt(e);
    if (e < 0) d *= 10n ** BigInt(-e);
    return Rat.of(m[1] ? -n : n, d);
  }

  add(o: Rat): Rat {
    return Rat.checked(this.f.add(o.f));
  }
  sub(o: Rat): Rat {
    return Rat.checked(this.f.sub(o.f));
  }
  mul(o: Rat): Rat {
    return Rat.checked(this.f.mul(o.f));
  }
  div(o: Rat): Rat {
    if (o.sign() === 0) throw new NotExact('division by zero');
    return Rat.checked(this.f.div(o.f));
  }
  neg(): Rat {
    return new Rat(this.f.neg());
  }
  pow(k: number): Rat {
    if (!Number.isInteger(k)) throw new NotExact('a non-integer power');
    if (k < 0 && this.sign() === 0) throw new NotExact('division by zero');
    // 0, 1 and −1 stay small at any power; anything else would pass the limit long before |k| steps
    // (checked first, so a huge exponent never builds a huge BigInt)
    const small = this.f.d === 1n && this.f.n <= 1n;
    if (!small && Math.abs(k) * MIN_DIGITS_PER_POWER > MAX_DIGITS) throw new NotExact('too many digits');
    return Rat.checked(this.f.pow(k));
  }
  sign(): number {
    return this.f.n === 0n ? 0 : Number(this.f.s);
  }
  isInteger(): boolean {
    return this.f.d === 1n;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
  toString(): string {
    return this.isInteger() ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

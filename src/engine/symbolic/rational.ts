// Exact rationals on BigInt, just enough to show a polynomial network's gradient as a fraction
// (the binary-addition RNN): + − × ÷, integer powers, comparisons. Decimal inputs are read from their
// shortest decimal spelling, so 0.1 is 1/10 — the number the user wrote, not its binary neighbour.

export class NotExact extends Error {}

/** Give up beyond this many digits: the fraction would not help anyone read the result. */
const MAX_DIGITS = 400;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export class Rat {
  private constructor(readonly n: bigint, readonly d: bigint) {}

  static of(n: bigint, d: bigint = 1n): Rat {
    if (d === 0n) throw new NotExact('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    const r = g > 1n ? new Rat(n / g, d / g) : new Rat(n, d);
    if (r.n.toString().length + r.d.toString().length > MAX_DIGITS) throw new NotExact('too many digits');
    return r;
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
    return Rat.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rat): Rat {
    return Rat.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rat): Rat {
    return Rat.of(this.n * o.n, this.d * o.d);
  }
  div(o: Rat): Rat {
    return Rat.of(this.n * o.d, this.d * o.n);
  }
  neg(): Rat {
    return Rat.of(-this.n, this.d);
  }
  pow(k: number): Rat {
    if (!Number.isInteger(k)) throw new NotExact('a non-integer power');
    let r = Rat.int(1);
    const base = k < 0 ? Rat.int(1).div(this) : this;
    for (let i = 0; i < Math.abs(k); i++) r = r.mul(base);
    return r;
  }
  sign(): number {
    return this.n > 0n ? 1 : this.n < 0n ? -1 : 0;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

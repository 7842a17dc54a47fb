// The matrix kernels (tensor.ts) against the plain triple loops they replaced: every entry the same double
// (Object.is: NaN is NaN, +0 is not −0), on random shapes with m = 1, k = 1, n = 1, zeros, −0, NaN and ±∞.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmul, matmulGradA, matmulGradB, matVecGrads } from '../../src/engine/tensor';

/** the kernels as they were before the unrolled ones: one product at a time, the order the sums must keep */
const naive = {
  matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number, out: Float64Array): void {
    if (n === 1) {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p]!;
        out[i] = s;
      }
      return;
    }
    out.fill(0);
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p]!;
        if (av === 0) continue;
        for (let j = 0; j < n; j++) out[i * n + j] += av * b[p * n + j]!;
      }
  },
  gradA(g: Float64Array, b: Float64Array, m: number, k: number, n: number, ga: Float64Array): void {
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        if (n === 1) {
          ga[i * k + p] += g[i]! * b[p]!;
          continue;
        }
        let s = 0;
        for (let j = 0; j < n; j++) s += g[i * n + j]! * b[p * n + j]!;
        ga[i * k + p] += s;
      }
  },
  gradB(g: Float64Array, a: Float64Array, m: number, k: number, n: number, gb: Float64Array): void {
    for (let i = 0; i < m; i++)
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p]!;
        if (av === 0) continue;
        for (let j = 0; j < n; j++) gb[p * n + j] += av * g[i * n + j]!;
      }
  },
};

/** an entry: mostly ordinary doubles, sometimes 0, −0, ±∞ or NaN (`special` weights them) */
const entry = (special: number, negZero = true) =>
  fc.oneof(
    { weight: 100 - special, arbitrary: fc.double({ min: -4, max: 4, noNaN: true }) },
    { weight: special, arbitrary: fc.constantFrom(0, ...(negZero ? [-0] : []), Infinity, -Infinity, NaN) },
  );
const vec = (len: number, special: number, negZero = true) =>
  fc.array(entry(special, negZero), { minLength: len, maxLength: len }).map((xs) => Float64Array.from(xs));

/** m, k, n (one of them often 1; m above 8 reaches the eight-row blocks) and how often an entry is special */
const sizes = fc.record({
  m: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 21 })),
  k: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 19 })),
  n: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 })),
  special: fc.constantFrom(0, 2, 10, 40),
});

const same = (x: Float64Array, y: Float64Array) => {
  expect(x.length).toBe(y.length);
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect([i, x[i]]).toEqual([i, y[i]]);
};

describe('speed23: the unrolled kernels give the plain loops’ numbers', () => {
  it('matmul', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ m, k, n, special }) => fc.tuple(fc.constant({ m, k, n }), vec(m * k, special), vec(k * n, special))),
        ([{ m, k, n }, a, b]) => {
          const got = new Float64Array(m * n).fill(7);
          const want = new Float64Array(m * n).fill(7);
          matmul(a, b, m, k, n, got);
          naive.matmul(a, b, m, k, n, want);
          same(got, want);
        },
      ),
      { numRuns: 400 },
    );
  });

  // an accumulator holds no −0 (it starts at +0 and only accumulates): the gradients' starting values have none
  it('matmulGradA', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ m, k, n, special }) =>
          fc.tuple(fc.constant({ m, k, n }), vec(m * n, special), vec(k * n, special), vec(m * k, special, false)),
        ),
        ([{ m, k, n }, g, b, start]) => {
          const got = start.slice();
          const want = start.slice();
          matmulGradA(g, b, m, k, n, got);
          naive.gradA(g, b, m, k, n, want);
          same(got, want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('matmulGradB: a 0 of a adds nothing, also against an infinite or NaN gradient', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ m, k, n, special }) =>
          fc.tuple(fc.constant({ m, k, n }), vec(m * n, special), vec(m * k, special), vec(k * n, special, false)),
        ),
        ([{ m, k, n }, g, a, start]) => {
          const got = start.slice();
          const want = start.slice();
          matmulGradB(g, a, m, k, n, got);
          naive.gradB(g, a, m, k, n, want);
          same(got, want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('matmulGradB: an infinite gradient row past the first eight rows stays out of the columns a zeroes', () => {
    // 17 rows: two blocks of eight and one more; row 13 of g is ∞ and a is 0 there except in column 0
    const m = 17,
      k = 3;
    const a = new Float64Array(m * k).map((_, i) => (i % 5) - 2);
    a.fill(0, 13 * k, 14 * k);
    a[13 * k] = 1;
    const g = new Float64Array(m).map((_, i) => i / 7);
    g[13] = Infinity;
    const got = new Float64Array(k);
    const want = new Float64Array(k);
    matmulGradB(g, a, m, k, 1, got);
    naive.gradB(g, a, m, k, 1, want);
    same(got, want);
    expect(got[0]).toBe(Infinity);
    expect(Number.isFinite(got[1]!) && Number.isFinite(got[2]!)).toBe(true);
  });

  it('the 64-unit sizes, dense random', () => {
    for (const [m, k] of [
      [64, 64],
      [64, 32],
      [1, 64],
      [63, 5],
    ] as const) {
      const a = new Float64Array(m * k).map((_, i) => Math.sin(i * 1.3) / 3);
      const v = new Float64Array(k).map((_, i) => Math.cos(i * 0.7));
      const g = new Float64Array(m).map((_, i) => Math.sin(i * 0.9 + 1));
      const o1 = new Float64Array(m);
      const o2 = new Float64Array(m);
      matmul(a, v, m, k, 1, o1);
      naive.matmul(a, v, m, k, 1, o2);
      same(o1, o2);
      const gb1 = new Float64Array(k).fill(0.25);
      const gb2 = gb1.slice();
      matmulGradB(g, a, m, k, 1, gb1);
      naive.gradB(g, a, m, k, 1, gb2);
      same(gb1, gb2);
      const ga1 = a.slice();
      const ga2 = a.slice();
      matmulGradA(g, v, m, k, 1, ga1);
      naive.gradA(g, v, m, k, 1, ga2);
      same(ga1, ga2);
    }
  });

  it('sizes given as doubles (a shape read from a double field) give the same numbers', () => {
    // a Float64Array's entries are read as doubles: 13.0 is a heap number where a literal 13 is a small integer
    const sizes = Float64Array.of(13, 7, 1, 3);
    const [m, k, one, n] = [sizes[0]!, sizes[1]!, sizes[2]!, sizes[3]!];
    const a = new Float64Array(m * k).map((_, i) => Math.sin(i));
    const b = new Float64Array(k * n).map((_, i) => Math.cos(i));
    for (const cols of [one, n]) {
      const got = new Float64Array(m * cols);
      const want = new Float64Array(m * cols);
      matmul(a, b, m, k, cols, got);
      naive.matmul(a, b, 13, 7, cols === one ? 1 : 3, want);
      same(got, want);
      const g = new Float64Array(m * cols).map((_, i) => 1 / (i + 1));
      const ga1 = new Float64Array(m * k);
      const ga2 = new Float64Array(m * k);
      matmulGradA(g, b, m, k, cols, ga1);
      naive.gradA(g, b, 13, 7, cols === one ? 1 : 3, ga2);
      same(ga1, ga2);
      const gb1 = new Float64Array(k * cols);
      const gb2 = new Float64Array(k * cols);
      matmulGradB(g, a, m, k, cols, gb1);
      naive.gradB(g, a, 13, 7, cols === one ? 1 : 3, gb2);
      same(gb1, gb2);
    }
  });

  it('matVecGrads: both gradients of W h in one pass, as the two kernels give them', () => {
    fc.assert(
      fc.property(
        sizes.chain(({ m, k, special }) =>
          fc.tuple(
            fc.constant({ m, k }),
            vec(m, special),
            vec(m * k, special),
            vec(k, special),
            vec(m * k, special, false),
            vec(k, special, false),
          ),
        ),
        ([{ m, k }, g, a, b, ga0, gb0]) => {
          const ga = ga0.slice();
          const gb = gb0.slice();
          matVecGrads(g, a, b, m, k, ga, gb);
          const wantA = ga0.slice();
          const wantB = gb0.slice();
          naive.gradA(g, b, m, k, 1, wantA);
          naive.gradB(g, a, m, k, 1, wantB);
          same(ga, wantA);
          same(gb, wantB);
        },
      ),
      { numRuns: 400 },
    );
  });
});

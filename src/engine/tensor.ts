// Dense row-major Float64Array tensors and the few kernels BPTT needs. This is the hot path.

import type { Shape } from '../language/model';
import type { Value } from '../report';
import { zerosF64 } from './slab';

export interface Tensor {
  shape: Shape;
  data: Float64Array;
}

/**
 * A one-entry array holding x: made and written, which V8 does in about half the time of Float64Array.of(x)
 * (its iteration protocol), on paths that make one per scalar evaluated (issue 11)
 */
export function scalarData(x: number): Float64Array {
  const a = new Float64Array(1);
  a[0] = x;
  return a;
}

/** rows and columns of a shape seen as a matrix: a vector [n] is a column [n, 1] */
export function dims(s: Shape): [number, number] {
  if (s.length === 2) return [s[0]!, s[1]!];
  if (s.length === 1) return [s[0]!, 1];
  return [1, 1];
}

// dims(s)[0] and dims(s)[1] without the pair: the tape reads them per matrix product, forward and backward
// (issue 11: at T = 5,000 every array made per step adds to what the young generation's collections see)
/** rows of a shape seen as a matrix (dims(s)[0]) */
export function rowsOf(s: Shape): number {
  return s.length === 1 || s.length === 2 ? s[0]! : 1;
}
/** columns of a shape seen as a matrix (dims(s)[1]) */
export function colsOf(s: Shape): number {
  return s.length === 2 ? s[1]! : 1;
}

/*
 * The kernels' sizes as small integers. A shape read from the text can hold its numbers as doubles (the
 * lexer's token values are a double field once any token is a fraction: 64 arrives as a heap number), and
 * TurboFan then compiles a kernel's index arithmetic in doubles for every caller: measured 2.5 → 4.3 µs for a
 * 64×64 matrix by vector, and in analyze() forward and sweep at T = 20 took 0.20 and 0.35 ms where a model
 * compiled once took 0.14 and 0.24. `x | 0` at the entry makes them int32 whatever the caller passes
 * (sizes are positive integers far below 2^31).
 */
/**
 * out[m×n] = a[m×k] · b[k×n]; each matrix may begin at an offset in its array (ao, bo, oo): the tape's values
 * are runs of a few large arrays (arena.ts), read in place
 */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number, out: Float64Array, ao = 0, bo = 0, oo = 0): void {
  // int32 sizes (see above)
  m |= 0;
  k |= 0;
  n |= 0;
  ao |= 0;
  bo |= 0;
  oo |= 0;
  if (n === 1) {
    matVec(a, b, m, k, out, ao, bo, oo);
    return;
  }
  out.fill(0, oo, oo + m * n);
  for (let i = 0; i < m; i++) {
    const orow = oo + i * n;
    for (let p = 0; p < k; p++) {
      const av = a[ao + i * k + p]!;
      if (av === 0) continue;
      const brow = bo + p * n;
      for (let j = 0; j < n; j++) out[orow + j] += av * b[brow + j]!;
    }
  }
}

/**
 * out[m] = a[m×k] · b[k], each entry summed over p in ascending order from +0. Eight rows at a time: b[p] is
 * read once for eight sums, each its own accumulator in the order of the one-row loop, so every sum is bit
 * for bit the one-row loop's (measured, 64×64: 4.6 → 2.5 µs; four rows 2.6 µs)
 */
function matVec(a: Float64Array, b: Float64Array, m: number, k: number, out: Float64Array, ao: number, bo: number, oo: number): void {
  let i = 0;
  for (; i + 7 < m; i += 8) {
    const r0 = ao + i * k,
      r1 = r0 + k,
      r2 = r1 + k,
      r3 = r2 + k,
      r4 = r3 + k,
      r5 = r4 + k,
      r6 = r5 + k,
      r7 = r6 + k;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let p = 0; p < k; p++) {
      const bp = b[bo + p]!;
      s0 += a[r0 + p]! * bp;
      s1 += a[r1 + p]! * bp;
      s2 += a[r2 + p]! * bp;
      s3 += a[r3 + p]! * bp;
      s4 += a[r4 + p]! * bp;
      s5 += a[r5 + p]! * bp;
      s6 += a[r6 + p]! * bp;
      s7 += a[r7 + p]! * bp;
    }
    const o = oo + i;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
  }
  for (; i < m; i++) {
    const row = ao + i * k;
    let s = 0;
    for (let p = 0; p < k; p++) s += a[row + p]! * b[bo + p]!;
    out[oo + i] = s;
  }
}

/** ga[m×k] += g[m×n] · bᵀ, b from bo in its array */
export function matmulGradA(g: Float64Array, b: Float64Array, m: number, k: number, n: number, ga: Float64Array, bo = 0): void {
  // int32 sizes (see matmul)
  m |= 0;
  k |= 0;
  n |= 0;
  bo |= 0;
  if (n === 1) {
    // W h: the outer product g hᵀ, without a one-entry inner loop per entry (the RNN's every step). The
    // same sums: a slot starts at +0 and only accumulates, so adding g·b where the loop added 0 + g·b is alike.
    // Eight entries per iteration (each entry's own single sum, so the numbers are the plain loop's):
    // measured 64×64 5.8 → 3.2 µs, 64×32 3.4 → 1.7 µs (four entries: 4.3 and 1.9 µs)
    for (let i = 0; i < m; i++) {
      const gi = g[i]!;
      const row = i * k;
      let p = 0;
      for (; p + 7 < k; p += 8) {
        const o = row + p;
        const q = bo + p;
        ga[o] += gi * b[q]!;
        ga[o + 1] += gi * b[q + 1]!;
        ga[o + 2] += gi * b[q + 2]!;
        ga[o + 3] += gi * b[q + 3]!;
        ga[o + 4] += gi * b[q + 4]!;
        ga[o + 5] += gi * b[q + 5]!;
        ga[o + 6] += gi * b[q + 6]!;
        ga[o + 7] += gi * b[q + 7]!;
      }
      for (; p < k; p++) ga[row + p] += gi * b[bo + p]!;
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += g[i * n + j]! * b[bo + p * n + j]!;
      ga[i * k + p] += s;
    }
  }
}

/**
 * gb[k×n] += aᵀ · g[m×n]. An entry of a that is 0 adds nothing, whatever g holds (0·∞ would be NaN): a one-hot
 * input's row then costs a comparison, and an infinite or NaN gradient does not spread through the zeros.
 * gb must hold no −0 (an accumulator never does: it starts at +0, and a sum is −0 only if both terms are).
 */
export function matmulGradB(g: Float64Array, a: Float64Array, m: number, k: number, n: number, gb: Float64Array, ao = 0): void {
  // int32 sizes (see matmul)
  m |= 0;
  k |= 0;
  n |= 0;
  ao |= 0;
  if (n === 1) {
    matVecGradB(g, a, m, k, gb, ao);
    return;
  }
  for (let i = 0; i < m; i++) {
    const grow = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[ao + i * k + p]!;
      if (av === 0) continue;
      const brow = p * n;
      for (let j = 0; j < n; j++) gb[brow + j] += av * g[grow + j]!;
    }
  }
}

/**
 * W h: gb[k] += Wᵀ g, added row by row (i ascending) into each gb[p], as the one-row loop at the end adds.
 * Eight rows at a time where their eight g entries are finite: then a 0 entry of a adds a·g = ±0, which
 * leaves an accumulator as it was (it holds no −0), so the block adds without the test for 0 and reads and
 * writes gb[p] once for eight products, added in the rows' order — the same sums bit for bit.
 * Measured: 64×64 6.6 → 2.1 µs, 64×32 3.6 → 1.1 µs (four rows: 2.6 and 1.4 µs).
 */
function matVecGradB(g: Float64Array, a: Float64Array, m: number, k: number, gb: Float64Array, ao: number): void {
  let i = 0;
  for (; i + 7 < m; i += 8) {
    const g0 = g[i]!,
      g1 = g[i + 1]!,
      g2 = g[i + 2]!,
      g3 = g[i + 3]!,
      g4 = g[i + 4]!,
      g5 = g[i + 5]!,
      g6 = g[i + 6]!,
      g7 = g[i + 7]!;
    // x − x is 0 exactly for a finite x, NaN for ±∞ and NaN: the rest goes row by row
    if (g0 - g0 !== 0 || g1 - g1 !== 0 || g2 - g2 !== 0 || g3 - g3 !== 0) break;
    if (g4 - g4 !== 0 || g5 - g5 !== 0 || g6 - g6 !== 0 || g7 - g7 !== 0) break;
    const r0 = ao + i * k;
    for (let p = 0; p < k; p++) {
      const o = r0 + p;
      gb[p] =
        gb[p]! +
        a[o]! * g0 +
        a[o + k]! * g1 +
        a[o + 2 * k]! * g2 +
        a[o + 3 * k]! * g3 +
        a[o + 4 * k]! * g4 +
        a[o + 5 * k]! * g5 +
        a[o + 6 * k]! * g6 +
        a[o + 7 * k]! * g7;
    }
  }
  for (; i < m; i++) {
    const gi = g[i]!;
    const row = ao + i * k;
    for (let p = 0; p < k; p++) {
      const av = a[row + p]!;
      if (av !== 0) gb[p] += av * gi;
    }
  }
}

/**
 * Both gradients of W h (n = 1) in one pass over W's rows: ga[m×k] += g bᵀ as matmulGradA adds it and
 * gb[k] += Wᵀ g as matVecGradB adds it (rows ascending into each gb[p], eight at a time where their g entries
 * are finite, a 0 of W skipped otherwise), so the numbers are those of the two calls. b[p] and the block's
 * rows are read once for both: measured 64×64 5.3 → 4.1 µs, 64×32 2.8 → 2.1 µs against the two kernels.
 * ga and gb must be different arrays (the caller falls back to the two kernels where they are one). a is read
 * from its array's start (a weight: an array of its own), b from bo.
 */
export function matVecGrads(
  g: Float64Array,
  a: Float64Array,
  b: Float64Array,
  m: number,
  k: number,
  ga: Float64Array,
  gb: Float64Array,
  bo = 0,
): void {
  // int32 sizes (see matmul)
  m |= 0;
  k |= 0;
  bo |= 0;
  let i = 0;
  for (; i + 7 < m; i += 8) {
    const g0 = g[i]!,
      g1 = g[i + 1]!,
      g2 = g[i + 2]!,
      g3 = g[i + 3]!,
      g4 = g[i + 4]!,
      g5 = g[i + 5]!,
      g6 = g[i + 6]!,
      g7 = g[i + 7]!;
    if (g0 - g0 !== 0 || g1 - g1 !== 0 || g2 - g2 !== 0 || g3 - g3 !== 0) break;
    if (g4 - g4 !== 0 || g5 - g5 !== 0 || g6 - g6 !== 0 || g7 - g7 !== 0) break;
    // the eight rows' starts once per block (o + 2k … per entry was 6% of the kernel)
    const r0 = i * k,
      r1 = r0 + k,
      r2 = r1 + k,
      r3 = r2 + k,
      r4 = r3 + k,
      r5 = r4 + k,
      r6 = r5 + k,
      r7 = r6 + k;
    for (let p = 0; p < k; p++) {
      const bp = b[bo + p]!;
      const a0 = a[r0 + p]!,
        a1 = a[r1 + p]!,
        a2 = a[r2 + p]!,
        a3 = a[r3 + p]!,
        a4 = a[r4 + p]!,
        a5 = a[r5 + p]!,
        a6 = a[r6 + p]!,
        a7 = a[r7 + p]!;
      ga[r0 + p] += g0 * bp;
      ga[r1 + p] += g1 * bp;
      ga[r2 + p] += g2 * bp;
      ga[r3 + p] += g3 * bp;
      ga[r4 + p] += g4 * bp;
      ga[r5 + p] += g5 * bp;
      ga[r6 + p] += g6 * bp;
      ga[r7 + p] += g7 * bp;
      gb[p] = gb[p]! + a0 * g0 + a1 * g1 + a2 * g2 + a3 * g3 + a4 * g4 + a5 * g5 + a6 * g6 + a7 * g7;
    }
  }
  for (; i < m; i++) {
    const gi = g[i]!;
    const row = i * k;
    for (let p = 0; p < k; p++) {
      ga[row + p] += gi * b[bo + p]!;
      const av = a[row + p]!;
      if (av !== 0) gb[p] += av * gi;
    }
  }
}

export function transposeData(a: Float64Array, m: number, n: number): Float64Array {
  const out = zerosF64(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a[i * n + j]!;
  return out;
}

export function norm2(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  return Math.sqrt(s);
}

/** a tensor as the Report's Value: a number, an array, or rows */
/**
 * entries [from, to) of a Float64Array as a plain array: a loop, because Array.from on a typed array goes
 * through its iterator, ~8× slower (issue 11: a 64-unit network's Report holds thousands of rows)
 */
function plain(d: Float64Array, from: number, to: number): number[] {
  const len = to - from;
  // made at its length where that is small (a 64-entry row: 8.3 against 15.5 µs for 64 rows pushed, which grew
  // each row's store three times); V8 makes a long one (100,000 entries or more) a dictionary, so those are pushed
  if (len <= PLAIN_PREALLOCATED) {
    const out = new Array<number>(len);
    for (let i = 0; i < len; i++) out[i] = d[from + i]!;
    return out;
  }
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(d[i]!);
  return out;
}
/** the longest row plain() makes at its length (a shape's dimension is at most 4,096) */
const PLAIN_PREALLOCATED = 4096;

/**
 * every entry finite: a loop, where d.every(Number.isFinite) boxed each entry as a heap number for the call
 * (96 KB of garbage per analysis of the 64-unit RNN at T = 20, its two 64×64 and 64×32 gradients)
 */
export function allFinite(d: Float64Array): boolean {
  for (let i = 0; i < d.length; i++) {
    const x = d[i]!;
    if (x - x !== 0) return false;
  }
  return true;
}

export function toValue(t: Tensor): Value {
  const d = t.data;
  if (t.shape.length === 0 || d.length === 1) return d[0]!;
  if (t.shape.length === 1) return plain(d, 0, d.length);
  if (t.shape.length === 3) {
    // ∂(vector n)/∂(matrix m×k): a list of n matrices, one per entry of the vector
    const [, m, k] = t.shape as [number, number, number];
    const out: number[][][] = [];
    for (let p = 0; p < t.shape[0]!; p++) {
      const rows: number[][] = [];
      for (let i = 0; i < m; i++) rows.push(plain(d, (p * m + i) * k, (p * m + i + 1) * k));
      out.push(rows);
    }
    return out;
  }
  const [m, n] = dims(t.shape);
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) rows.push(plain(d, i * n, i * n + n));
  return rows;
}

export const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

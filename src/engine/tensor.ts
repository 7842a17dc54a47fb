// Dense row-major Float64Array tensors and the few kernels BPTT needs. This is the hot path.

import type { Shape } from '../language/model';
import type { Value } from '../report';

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

/** out[m×n] (+)= a[m×k] · b[k×n] */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number, out: Float64Array): void {
  if (n === 1) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      const row = i * k;
      for (let p = 0; p < k; p++) s += a[row + p]! * b[p]!;
      out[i] = s;
    }
    return;
  }
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const orow = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p]!;
      if (av === 0) continue;
      const brow = p * n;
      for (let j = 0; j < n; j++) out[orow + j] += av * b[brow + j]!;
    }
  }
}

/** ga[m×k] += g[m×n] · bᵀ */
export function matmulGradA(g: Float64Array, b: Float64Array, m: number, k: number, n: number, ga: Float64Array): void {
  if (n === 1) {
    // W h: the outer product g hᵀ, without a one-entry inner loop per entry (the RNN's every step). The
    // same sums: a slot starts at +0 and only accumulates, so adding g·b where the loop added 0 + g·b is alike
    for (let i = 0; i < m; i++) {
      const gi = g[i]!;
      const row = i * k;
      for (let p = 0; p < k; p++) ga[row + p] += gi * b[p]!;
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += g[i * n + j]! * b[p * n + j]!;
      ga[i * k + p] += s;
    }
  }
}

/** gb[k×n] += aᵀ · g[m×n] */
export function matmulGradB(g: Float64Array, a: Float64Array, m: number, k: number, n: number, gb: Float64Array): void {
  if (n === 1) {
    // W h: gb += Wᵀ g, the same products in the same order as below
    for (let i = 0; i < m; i++) {
      const gi = g[i]!;
      const row = i * k;
      for (let p = 0; p < k; p++) {
        const av = a[row + p]!;
        if (av !== 0) gb[p] += av * gi;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const grow = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p]!;
      if (av === 0) continue;
      const brow = p * n;
      for (let j = 0; j < n; j++) gb[brow + j] += av * g[grow + j]!;
    }
  }
}

export function transposeData(a: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
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
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(d[i]!);
  return out;
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

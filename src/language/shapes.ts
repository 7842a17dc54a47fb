// Shape rules of LANGUAGE.md §4. A shape of null is "not known yet" (during inference of a
// recurrence's own shape) and adopts whatever makes the operation valid.

import type { Shape } from './model';

export type MaybeShape = Shape | null;

/**
 * an expression's shape while shapes are inferred and a part's is not known yet: null in the Shape field, as the
 * expressions built then carry a MaybeShape there (the final reading, with every shape known, has none)
 */
export const NOT_KNOWN_YET = null as unknown as Shape;

/** A vector of size 1 and a 1×1 matrix count as scalars; an m×1 matrix is the column vector it looks like. */
export function norm(s: Shape): Shape {
  if (s.every((d) => d === 1)) return [];
  if (s.length === 2 && s[1] === 1) return [s[0]!];
  return s;
}

export function entries(s: Shape): number {
  let n = 1;
  for (const d of s) n *= d;
  return n;
}

/** a matrix of one row or one column (d2l.ai's H_t : 1×h): the vector it writes, as ^, diag and ∂ read it */
export const isLine = (s: Shape): boolean => s.length === 2 && (s[0] === 1 || s[1] === 1);

export { shapeText } from '../display/shape';

export const same = (a: Shape, b: Shape) => a.length === b.length && a.every((d, i) => d === b[i]);

/** result of a matrix product, treating a vector [n] as a column [n, 1]; null if inner sizes differ */
export function matmulShape(a: Shape, b: Shape): Shape | null {
  const [m, k1] = a.length === 2 ? a : a.length === 1 ? [a[0]!, 1] : [1, 1];
  const [k2, n] = b.length === 2 ? b : b.length === 1 ? [b[0]!, 1] : [1, 1];
  if (k1 !== k2) return null;
  if (b.length === 1 || n === 1) return norm([m!]);
  return norm([m!, n!]);
}

export type ProductKind = 'mul' | 'matmul' | 'hadamard' | 'contract';

/**
 * a's last index contracted with b's first, where the column reading has none (LANGUAGE.md §4, numerator layout):
 * a vector left of a matrix acts as a row ([n]·[n,k] → [k]); a row or a Jacobian times a tensor ∂(vector)/∂(matrix)
 * ([n]·[n,m,k] and [1,n]·[n,m,k] → [m,k], [p,n]·[n,m,k] → [p,m,k]). null when the sizes do not meet.
 */
export function contractShape(a: Shape, b: Shape): Shape | null {
  if (a.length === 0 || b.length < 2 || a.length + b.length - 2 > 3) return null;
  if (a[a.length - 1] !== b[0]) return null;
  // a 1×n row ((∂L/∂h)ᵀ, the gradient's written transpose) is the row a gradient already acts as: its 1 is no index
  // of the result, so (∂L/∂h)ᵀ ∂h/∂W is ∂L/∂W in W's shape (m×k), not 1×m×k. The data is the same either way.
  const lead = a.length === 2 && a[0] === 1 ? [] : a.slice(0, -1);
  return norm([...lead, ...b.slice(1)]);
}

/**
 * `*`, `·` and juxtaposition: scaling, matrix product where inner sizes agree, else a vector (or Jacobian) left of a
 * matrix (or tensor) as a row, else elementwise for equal shapes. The column reading wins where both read.
 */
export function productKind(a: MaybeShape, b: MaybeShape): { kind: ProductKind; shape: MaybeShape } | null {
  if (a === null && b === null) return { kind: 'mul', shape: null };
  if (a === null) {
    if (b!.length === 0) return { kind: 'mul', shape: null };
    return { kind: 'hadamard', shape: b };
  }
  if (b === null) {
    if (a.length === 0) return { kind: 'mul', shape: null };
    // W h with h unknown: assume the column vector that fits
    if (a.length === 2) return { kind: 'matmul', shape: norm([a[0]!]) };
    return { kind: 'hadamard', shape: a };
  }
  if (a.length === 0 || b.length === 0) return { kind: 'mul', shape: a.length === 0 ? b : a };
  if ((a.length === 2 || b.length === 2) && a.length < 3 && b.length < 3) {
    const m = matmulShape(a, b);
    if (m) return { kind: 'matmul', shape: m };
  }
  if (same(a, b)) return { kind: 'hadamard', shape: a };
  const c = contractShape(a, b);
  if (c) return { kind: 'contract', shape: c };
  return null;
}

/** elementwise with scalar broadcasting: +, −, ⊙, / */
export function elementwiseShape(a: MaybeShape, b: MaybeShape): MaybeShape | false {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return same(a, b) ? a : false;
}

export function transposeShape(a: Shape): Shape {
  if (a.length === 0) return [];
  if (a.length === 1) return [1, a[0]!];
  const [r, c] = [a[1]!, a[0]!];
  return norm(c === 1 ? [r] : [r, c]);
}

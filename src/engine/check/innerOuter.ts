// An inner product where the outer one is meant, or the reverse: the softmax's Jacobian written
// diag(ŷ_t) − ŷ_tᵀ ŷ_t (a number subtracted from every entry) for diag(ŷ_t) − ŷ_t ŷ_tᵀ, or a weight gradient's
// δ_t x_tᵀ written δ_tᵀ x_t. The check fails with its two values only; when the other product of the same two vectors
// makes it hold (at the file's values and a draw), it is named.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { hasKind } from './kinds';
import { holdsWith } from './textbook';
import { replaceWhere, VALUES } from './replacing';
import { printerFor } from './writtenT';

/** products tried at most */
const MAX_TRIED = 6;

const isVector = (x: Expr) => x.shape?.length === 1;

/** the other product of the two vectors of an inner (aᵀb) or outer (a bᵀ) product, with its kind; null for others */
function swapped(x: Expr): { by: Expr; inner: boolean } | null {
  if (x.k !== 'matmul') return null;
  const { a, b } = x;
  // aᵀ b, a number: the outer product a bᵀ
  if (a.k === 'transpose' && isVector(a.a) && isVector(b)) {
    const n = a.a.shape![0]!;
    const m = b.shape![0]!;
    const bT: Expr = { k: 'transpose', a: b, shape: [1, m], range: b.range };
    return { by: { k: 'matmul', a: a.a, b: bT, shape: [n, m], range: x.range }, inner: true };
  }
  // a bᵀ, a matrix: the inner product aᵀ b (vectors of one size)
  if (b.k === 'transpose' && isVector(b.a) && isVector(a) && a.shape![0] === b.a.shape![0]) {
    const aT: Expr = { k: 'transpose', a, shape: [1, a.shape![0]!], range: a.range };
    return { by: { k: 'matmul', a: aT, b: b.a, shape: [], range: x.range }, inner: false };
  }
  return null;
}

export function innerOuterHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  // swapped() turns a matrix product with a transposed vector: a side with no such pair has none to swap
  if (!hasKind(c.rhs, 'matmul') || !hasKind(c.rhs, 'transpose')) return null;
  const found: { x: Expr; by: Expr; inner: boolean }[] = [];
  replaceWhere(
    c.rhs,
    (x) => {
      const s = found.length < MAX_TRIED ? swapped(x) : null;
      if (s) found.push({ x, ...s });
      return null;
    },
    VALUES,
  );
  if (!found.length) return null;
  const show = printerFor(c.text, run.model.T);
  for (const { x, by, inner } of found) {
    const rhs = replaceWhere(c.rhs, (y) => (y === x ? by : null), VALUES);
    if (!holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
    const shape = by.shape?.length === 2 ? `a ${by.shape[0]}×${by.shape[1]} matrix` : 'a number';
    return inner
      ? `${show(x)} is an inner product, a number: the outer product ${show(by)}, ${shape}, is meant, and with it the check holds`
      : `${show(x)} is an outer product, a matrix: the inner product ${show(by)}, a number, is meant, and with it the check holds`;
  }
  return null;
}

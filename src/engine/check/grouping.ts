// A matrix product bracketed too early: Uᵀ ∂L/∂h̃_t ⊙ (1 − h̃_t²) reads (Uᵀ ∂L/∂h̃_t) ⊙ (1 − h̃_t²), where a GRU's
// or Goodfellow's backward step means Uᵀ (∂L/∂h̃_t ⊙ (1 − h̃_t²)): the slope multiplies the adjoint before the
// transposed weight carries it back. Each elementwise product of a matrix–vector product and a vector is tried
// with the vector moved inside; when that holds here and at a draw, the brackets are named. At most a few
// candidates, one evaluation each.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';

const MAX_REGROUPED = 4;

const sameShape = (a: Expr, b: Expr) => a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]);

/** M v: a matrix times a vector, written with juxtaposition or @ */
const matVec = (x: Expr): x is Expr & { k: 'mul' | 'matmul' } =>
  (x.k === 'mul' || x.k === 'matmul') && x.a.shape.length === 2 && x.b.shape.length === 1;

/** (M v) ⊙ w → M (v ⊙ w), and w ⊙ (M v) → M (w ⊙ v); null when x is neither */
function regrouped(x: Expr): Expr | null {
  if ((x.k !== 'hadamard' && x.k !== 'mul') || x.shape.length !== 1) return null;
  const inner = (a: Expr, b: Expr): Expr => ({ k: x.k, a, b, shape: a.shape, range: x.range }) as Expr;
  if (matVec(x.a) && x.b.shape.length === 1 && sameShape(x.a.b, x.b))
    return { ...x.a, b: inner(x.a.b, x.b), shape: x.shape, range: x.range } as Expr;
  if (matVec(x.b) && x.a.shape.length === 1 && sameShape(x.a, x.b.b))
    return { ...x.b, b: inner(x.a, x.b.b), shape: x.shape, range: x.range } as Expr;
  return null;
}

/** "Uᵀ should multiply (∂L/∂h̃_t ⊙ (1 − h̃_t^2)), not ∂L/∂h̃_t alone: with those brackets the check holds" */
export function groupingHint(c: Claim, run: Run, other: OtherValues): string | null {
  const right = !(c.rhs.k === 'deriv' && c.lhs.k !== 'deriv');
  const side = right ? c.rhs : c.lhs;
  const found: Expr[] = [];
  const walk = (x: Expr): void => {
    if (found.length >= MAX_REGROUPED || x.k === 'deriv') return;
    if (regrouped(x)) found.push(x);
    forChildren(x, walk);
  };
  walk(side);
  for (const x of found) {
    const y = regrouped(x)!;
    const edited = (e: Expr): Expr => (e === x ? y : mapChildren(e, edited));
    const s = edited(side);
    const [l, r] = right ? [c.lhs, s] : [s, c.rhs];
    if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
    const m = y as Expr & { k: 'mul' | 'matmul' };
    const z = x as Expr & { k: 'hadamard' | 'mul' };
    const alone = matVec(z.a) ? z.a.b : (z.b as Expr & { k: 'mul' | 'matmul' }).b;
    const aloneText = alone.k === 'add' || alone.k === 'sub' ? `(${exprText(alone)})` : exprText(alone);
    return `${exprText(m.a)} should multiply (${exprText(m.b)}), not ${aloneText} alone — ${exprText(y)}: with those brackets the check holds`;
  }
  return null;
}

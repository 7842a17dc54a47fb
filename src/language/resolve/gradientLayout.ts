// Gradients in numerator and denominator layout: a row beside a vector, a transposed gradient, the columns of an outer
// product; a mix of the two layouts in one product said.

import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { exprText } from '../print';
import { elementwiseShape, productKind } from '../shapes';
import type { ExprContext } from './context';
import { hasDeriv } from './walk';

/** v, a vector of n beside `row`, a 1×n row a product makes, as that row (vᵀ), said in an information; else null */
export function rowBesideVector(row: Expr, v: Expr, ctx: ExprContext): Expr | null {
  // a row made by a product (e_oᵀ V), not a vector transposed (h_tᵀ ⊙ (1 − h_t²) keeps its shape error)
  if (!isRow(row) || row.k === 'transpose' || v.shape?.length !== 1 || row.shape![1] !== v.shape[0] || v.shape[0]! < 2) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a row beside the row ${exprText(row)} (a 1×${v.shape[0]} row ⊙ a vector of ${v.shape[0]}: entry by entry)`,
        v.range,
        'row-gradient',
      ),
    );
  return { k: 'transpose', a: v, shape: [1, v.shape[0]!], range: v.range };
}

/**
 * CMU 11-785's ∂L/∂h_t ⊙ (h_{t-1} − n_t)ᵀ: in numerator layout a gradient of a scalar is a row, so beside a 1×n row
 * (⊙, +, −) the gradient, a vector of n, is read as that row (as a check compares such a row with a vector side);
 * null where neither is
 */
export function gradientRows(x: Expr, y: Expr, ctx: ExprContext): [Expr, Expr] | null {
  if (isGradient(x) && isRowOf(y, x)) return [gradientRow(x, ctx), y];
  if (isGradient(y) && isRowOf(x, y)) return [x, gradientRow(y, ctx)];
  return gradientColumns(x, y, fitsElementwise, ctx);
}

/**
 * (∂L/∂h_t)ᵀ ⊙ (1 − h_t²), diag(…) (∂L/∂h_t)ᵀ h_{t−1}ᵀ: in numerator layout a gradient of a scalar is a row and its
 * transpose a column, where this language's transpose of the gradient (a vector) is a 1×n row. Where the row has no
 * reading beside the other operand (`fits` is false) and the gradient itself has one, it is read as that column;
 * null where neither operand is so
 */
export function gradientColumns(x: Expr, y: Expr, fits: (x: Expr, y: Expr) => boolean, ctx: ExprContext): [Expr, Expr] | null {
  // asked at every sum, difference and ⊙ the resolver reads: the cheap test first
  if ((!isGradientTransposed(x) && !isGradientTransposed(y)) || fits(x, y)) return null;
  if (isGradientTransposed(x) && fits(x.a, y)) return [gradientColumn(x, ctx), y];
  if (isGradientTransposed(y) && fits(x, y.a)) return [x, gradientColumn(y, ctx)];
  return null;
}

// gradientColumns' two tests of a pair, made once (gradientRows asks at every sum, difference and ⊙)
const fitsElementwise = (u: Expr, v: Expr) => elementwiseShape(u.shape, v.shape) !== false;

export const fitsProduct = (u: Expr, v: Expr) => !!productKind(u.shape, v.shape);

export const isRow = (v: Expr): boolean => v.shape?.length === 2 && v.shape[0] === 1;

export const isGradientTransposed = (v: Expr): v is Expr & { k: 'transpose' } =>
  v.k === 'transpose' && v.shape?.length === 2 && v.shape[0] === 1 && v.a.shape?.length === 1 && isDelta(v.a);

/** a gradient, or a gradient times a factor entrywise: δ_t = ∂L/∂h_t ⊙ (1 − h_t²), a gradient too (of the pre-activation) */
const isDelta = (v: Expr): boolean => isGradient(v) || ((v.k === 'hadamard' || v.k === 'mul') && (isDelta(v.a) || isDelta(v.b)));

/** the transposed gradient vᵀ read as the column v (gradientColumns), said in an information */
export function gradientColumn(v: Expr & { k: 'transpose' }, ctx: ExprContext): Expr {
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a column (a gradient is a row in numerator layout, so its transpose is the vector ${exprText(v.a)})`,
        v.range,
        'row-gradient',
      ),
    );
  return v.a;
}

// gradientRows' tests, made once rather than as four closures at each of its calls (every sum, difference and ⊙)
const isRowOf = (r: Expr, v: Expr) => r.shape?.length === 2 && r.shape[0] === 1 && v.shape?.length === 1 && r.shape[1] === v.shape[0];

// a gradient of a scalar, or a vector standing left of a matrix (§4's `v M`, which is vᵀM: already a row), as the
// chain rule in numerator layout writes ∂L/∂h_t ∂h_t/∂h_{t-1} beside (ŷ_{t-1} − y_{t-1})ᵀ W_hy
const leftOfMatrix = (v: Expr): boolean => v.k === 'contract' && v.a.shape?.length === 1 && v.b.shape?.length === 2;

const isGradient = (v: Expr): boolean =>
  (v.k === 'deriv' && v.of.shape?.length === 0) || leftOfMatrix(v) || (v.k === 'neg' && isGradient(v.a));

/** the gradient v read as the row beside it (gradientRows), said in an information */
function gradientRow(v: Expr, ctx: ExprContext): Expr {
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a row (${leftOfMatrix(v) ? 'a vector left of a matrix' : 'a gradient'} in numerator layout), as the 1×${v.shape![0]} row beside it`,
        v.range,
        'row-gradient',
      ),
    );
  return { k: 'transpose', a: v, shape: [1, v.shape![0]!], range: v.range } as Expr;
}

/**
 * A row (1×n) added to a vector of n: one term written in numerator layout (`(o_t − y_t)ᵀ W_hy`) and the other
 * in denominator layout (`W_hhᵀ ∂L/∂h_{t+1}`). Both mean the same gradient, so the mistake is the mix, not the
 * maths; said only in questions and where a derivative is written (in a forward equation, layouts mean nothing).
 */
export function mixedLayouts(x: Expr, y: Expr, ctx: ExprContext): string {
  const row = (e: Expr, v: Expr) => e.shape?.length === 2 && e.shape[0] === 1 && v.shape?.length === 1 && e.shape[1] === v.shape[0];
  if ((!row(x, y) && !row(y, x)) || !(ctx.allowDeriv || hasDeriv(x) || hasDeriv(y))) return '';
  const side = row(x, y) ? 'left' : 'right';
  return `; the ${side} term is a row (numerator layout), the other a column: write both in one layout (transpose one of them, ᵀ)`;
}

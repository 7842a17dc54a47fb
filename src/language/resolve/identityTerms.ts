// Operands that are the identity, a scaled identity (λI), a basis vector (e_k) or the ones vector (𝟙): sized by the
// other operand of their product or sum.

import type { Range } from '../../report';
import type { Ast } from '../ast';
import type { Expr } from '../model';
import { norm, transposeShape } from '../shapes';
import { basisPlace, basisSize, basisVector } from './basis';
import type { ExprContext } from './context';
import { Abandoned, quietly } from './context';
import { readExpression } from './expressions';
import { bareIdentity } from './identityMatrix';

/** ŷ_t − e_{k_t}, W e_k: an operand that is a basis vector, sized by the other (basis.ts); null when neither is */
export function basisOperands(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  const left = basisPlace(unwrap(a.a), ctx);
  const right = left ? null : basisPlace(unwrap(a.b), ctx);
  // with no size beside it, it is read as a name (unknown: the diagnostic says which)
  if (left) {
    const y = readExpression(a.b, ctx);
    const n = basisSize(a.op, y.shape, false);
    return n === null ? [readExpression(a.a, ctx), y] : [signed(a.a, basisVector(unwrap(a.a), left, n, ctx)), y];
  }
  if (!right) return null;
  const x = readExpression(a.a, ctx);
  const n = basisSize(a.op, x.shape, true);
  return n === null ? [x, readExpression(a.b, ctx)] : [x, signed(a.b, basisVector(unwrap(a.b), right, n, ctx))];
}

// basisOperands' −e_{k_t}/p_t: the minus is the basis vector's (made once, not two closures per sum or product)
export const unwrap = (x: Ast): Ast => (x.k === 'neg' ? x.a : x);

export const signed = (x: Ast, e: Expr): Expr => (x.k === 'neg' ? { k: 'neg', a: e, shape: e.shape, range: x.range } : e);

/** a bare I beside a matrix (I − diag(h_t²), W I): the identity of the size the other operand gives (names.ts bareIdentity) */
export function identityOperands(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  if (!'+-*@'.includes(a.op) && a.op !== 'juxt') return null;
  const left = bareI(a.a);
  if (left === bareI(a.b)) return a.op === '+' || a.op === '-' ? scaledIdentityTerm(a, ctx) : null;
  if (left) {
    const y = readExpression(a.b, ctx);
    const x = bareIdentity(a.a, y, a.op, true, ctx);
    return x ? [x, y] : [readExpression(a.a, ctx), y];
  }
  const x = readExpression(a.a, ctx);
  const y = bareIdentity(a.b, x, a.op, false, ctx);
  return y ? [x, y] : [x, readExpression(a.b, ctx)];
}

// identityOperands' test, made once rather than as a closure at each sum and product
const bareI = (x: Ast): boolean => x.k === 'name' && x.raw === 'I' && !x.sub && !x.sup;

/**
 * A bare I scaled in a sum, Lukoševičius's leaky Jacobian (1 − α)I + α diag(1 − x̃(n)²) W: I takes the size of the
 * other term, as I − diag(…) does (the scale beside it gave none: "unknown name I"). The pair, or null where neither
 * term is a scale times a bare I (c I, I c), or both are.
 */
function scaledIdentityTerm(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  const scaledI = (x: Ast): x is Ast & { k: 'bin' } => x.k === 'bin' && (x.op === 'juxt' || x.op === '*') && bareI(x.a) !== bareI(x.b);
  const left = scaledI(a.a);
  if (left === scaledI(a.b)) return null;
  const term = (left ? a.a : a.b) as Ast & { k: 'bin' };
  // the other term's size asked quietly: where it gives none, both terms are read as written (and I is said unknown)
  let probe: Expr;
  try {
    probe = readExpression(left ? a.b : a.a, quietly(ctx));
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const i = bareI(term.a) ? term.a : term.b;
  const sized = bareIdentity(i, probe, a.op, left, ctx);
  if (!sized) return null;
  const other = readExpression(left ? a.b : a.a, ctx);
  const scale = readExpression(bareI(term.a) ? term.b : term.a, ctx);
  if (scale.shape?.length !== 0) return null;
  const product: Expr = { k: 'mul', a: scale, b: sized, shape: sized.shape, range: term.range };
  return left ? [product, other] : [other, product];
}

/**
 * A check's side that is a scale times a bare I (Mikolov's ∂s_t/∂s_{t−1} = αI, α^{T−t} I): I takes the size of the
 * square matrix the side equals, as a bare I side does (questions.ts); null where the side is no such product, the
 * scale is no scalar or the other side is no square matrix.
 */
export function scaledIdentitySide(side: Ast, other: Expr, ctx: ExprContext): Expr | null {
  if (side.k !== 'bin' || (side.op !== 'juxt' && side.op !== '*') || bareI(side.a) === bareI(side.b)) return null;
  const i = bareI(side.a) ? side.a : side.b;
  const scaleAst = i === side.a ? side.b : side.a;
  try {
    if (readExpression(scaleAst, quietly(ctx)).shape?.length !== 0) return null;
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const sized = bareIdentity(i, other, '-', false, ctx);
  if (!sized) return null;
  const scale = readExpression(scaleAst, ctx);
  return { k: 'mul', a: scale, b: sized, shape: sized.shape, range: side.range };
}

/** whether a is \mathbf{1} (𝟙), or its transpose: then whether transposed, else null */
function onesAst(a: Ast): { transposed: boolean } | null {
  if (a.k === 'num' && a.ones) return { transposed: false };
  if (a.k === 'transpose' && a.a.k === 'num' && a.a.ones) return { transposed: true };
  return null;
}

/** the all-ones vector of n entries, transposed (a row) or not */
function onesVector(n: number, transposed: boolean, range: Range): Expr {
  const one = (): Expr => ({ k: 'num', value: 1, shape: [], range });
  const v: Expr = { k: 'vec', items: Array.from({ length: n }, one), shape: norm([n]), range };
  return transposed ? { k: 'transpose', a: v, shape: transposeShape(v.shape), range } : v;
}

/**
 * \mathbf{1} in a product takes the length that makes the product a matrix one: 1ᵀv (the sum of v's entries),
 * 1ᵀM (M's column sums), vᵀ1 and M1 (row sums). Elsewhere it stays the scalar 1, which broadcasts as the
 * all-ones vector would (1 − h_t ⊙ h_t, diag(1 − h²)). Null where it changes nothing.
 */
export function sizeOnes(ax: Ast, x: Expr, ay: Ast, y: Expr): [Expr, Expr] | null {
  const ox = onesAst(ax);
  const oy = onesAst(ay);
  if (ox && !oy && ox.transposed && y.shape && y.shape.length >= 1 && y.shape.length <= 2)
    return [onesVector(y.shape[0]!, true, x.range), y];
  if (oy && !ox && !oy.transposed && x.shape && x.shape.length === 2) return [x, onesVector(x.shape[1]!, false, y.range)];
  return null;
}

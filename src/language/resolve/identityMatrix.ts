// The identity matrix written as I, I_n, 𝟙 or \mathbb{I}: its size from its index or from what it is added to.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import type { Expr } from '../model';
import type { ExprContext } from './context';
import { fail } from './context';

/** the largest identity written I_n: a sheet's I_3, not a matrix of millions of entries */
const MAX_IDENTITY = 1000;

/**
 * I_3, I₃, \mathbf{I}_{3}: the n×n identity, as derive writes it (∂L/∂b_h = … (I₃ + ∂h₂/∂h₁)), where the file defines
 * no I. A bare I has no size to read: the diagnostic says to write it.
 */
export function identityMatrix(a: NameAst, name: string, ctx: ExprContext): Expr | null {
  if (name !== 'I' || a.sup || a.args) return null;
  const m = /^I_(\d+)$/u.exec(a.raw);
  const n = m ? Number(m[1]) : a.sub?.k === 'num' ? a.sub.value : a.raw === 'I' && !a.sub ? 0 : NaN;
  if (n === 0)
    return fail(ctx, 'unknown name I: the identity matrix is written with its size, I_n (I_3 is 3×3)', a.nameRange, 'unknown-name');
  if (!Number.isInteger(n) || n < 1 || n > MAX_IDENTITY) return null;
  return identityOf(n, a.range);
}

/** the n×n identity, diag of n ones (1 for n = 1) */
export function identityOf(n: number, range: Range): Expr {
  if (n === 1) return { k: 'num', value: 1, shape: [], range };
  const ones: Expr = {
    k: 'vec',
    items: Array.from({ length: n }, (): Expr => ({ k: 'num', value: 1, shape: [], range })),
    shape: [n],
    range,
  };
  return { k: 'call', fn: 'diag', arg: ones, shape: [n, n], range };
}

/**
 * A bare I (the file defines none) beside a matrix, as textbooks write it: (I − diag(h_t²)) W, I + ∂h_2/∂h_1, W I.
 * It takes the size the other operand gives it (a sum: the square matrix's; a product: the rows it multiplies);
 * null when the other operand gives none (then I is the diagnostic that asks for I_n).
 */
export function bareIdentity(a: Ast, other: Expr, op: string, left: boolean, ctx: ExprContext): Expr | null {
  if (a.k !== 'name' || a.raw !== 'I' || a.sub || a.sup || a.args || ctx.scope.isKnown('I') || ctx.vars.has('I')) return null;
  const s = other.shape;
  if (!s || s.length === 0 || s.length > 2) return null;
  let n: number;
  if (op === '+' || op === '-') {
    if (s.length !== 2 || s[0] !== s[1]) return null;
    n = s[0]!;
  } else n = left ? s[0]! : s.length === 2 ? s[1]! : NaN;
  if (!Number.isInteger(n) || n < 2 || n > MAX_IDENTITY) return null;
  return identityOf(n, a.range);
}

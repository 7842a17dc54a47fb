// ⟨u, v⟩ is the inner product (Lukoševičius's ⟨∂E/∂x(n), x̃(n) − x(n−1)⟩), but Greff et al.'s LSTM: A Search Space
// Odyssey writes its weight gradients δW_∗ = Σ_t ⟨δ∗^t, x^t⟩ with ⟨·, ·⟩ "the outer product of two vectors". Read so
// where the shapes say it: two vectors of different sizes (no inner product forms), or of one size where the check's
// left side is the matrix their outer product makes; with an information that says how it was read.
import type { Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { Abandoned, quietly, type ExprContext } from './context';
import { readExpression } from './expressions';

/** the length of a vector shape (a column n×1 too), or null */
const length = (s: readonly number[] | null | undefined): number | null =>
  s?.length === 1 ? s[0]! : s?.length === 2 && s[1] === 1 ? s[0]! : null;

/** u vᵀ for ⟨u, v⟩ where the shapes ask for it, else null (the inner product, as the parser wrote it) */
export function angleOuter(a: Ast & { k: 'call' }, ctx: ExprContext): Expr | null {
  if (a.arg.k !== 'bin') return null;
  let x: Expr, y: Expr;
  try {
    x = readExpression(a.arg.a, quietly(ctx));
    y = readExpression(a.arg.b, quietly(ctx));
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const n = length(x.shape);
  const m = length(y.shape) ?? (y.shape?.length === 0 ? 1 : null);
  if (n === null || m === null || n < 2) return null;
  const left = ctx.scope.checkLeft;
  const asked = left?.length === 2 ? left[0] === n && left[1] === m : m === 1 && length(left) === n;
  // one size (or a one-entry v): the inner product forms, so only a left side of the outer product's shape asks for it;
  // two sizes: no inner product forms, unless a check's left side says otherwise
  if ((m === n || m === 1) && !asked) return null;
  if (left && !asked) return null;
  const u = readExpression(a.arg.a, ctx);
  const v = readExpression(a.arg.b, ctx);
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `⟨u, v⟩ is read as the outer product u vᵀ (${m === 1 ? `a vector of ${n}` : `a ${n}×${m} matrix`}), as Greff et al. write their weight gradients: ${m === n || m === 1 ? `the check's left side is ${m === 1 ? `a vector of ${n}` : `a ${n}×${m} matrix`}, not the scalar of an inner product` : 'the two vectors have different sizes, so no inner product forms'}`,
        a.range,
        'angle-outer',
      ),
    );
  // by a one-entry v (a one-unit input), u vᵀ is u scaled, in u's shape (as readOuter's a ⊗ b of a scalar side)
  if (m === 1) return { k: 'mul', a: u, b: v, shape: u.shape, range: a.range };
  const row: Expr = { k: 'transpose', a: v, shape: [1, m], range: v.range };
  return { k: 'matmul', a: u, b: row, shape: [n, m], range: a.range };
}

// Why a product does not fit, said precisely: a transpose in the wrong place, the operands exchanged, a tensor first,
// a transpose that would make it fit.

import type { Range, TransposeFix } from '../../report';
import type { Ast } from '../ast';
import type { Expr, Shape } from '../model';
import { exprText } from '../print';
import type { MaybeShape } from '../shapes';
import { productKind, shapeText, transposeShape } from '../shapes';
import { chained } from './chainProduct';
import type { ExprContext } from './context';
import { Abandoned, fail, quietly } from './context';
import { readExpression } from './expressions';
import { refWritten } from './text';
import { hasDeriv } from './walk';

/** the operands of a product that forms with one named operand transposed, or its ᵀ taken away (flipFits's mend) */
export function flipped(x: Expr, y: Expr): { operands: [Expr, Expr]; written: Expr; read: Expr } | null {
  const named = (e: Expr) => e.k === 'ref' || (e.k === 'transpose' && e.a.k === 'ref');
  for (const left of [true, false]) {
    const side = left ? x : y;
    const other = left ? y : x;
    const s = side.shape;
    if (!named(side) || !s || s.length !== 2 || s[0] === s[1] || !other.shape) continue;
    const read: Expr = side.k === 'transpose' ? side.a : { k: 'transpose', a: side, shape: transposeShape(s) as Shape, range: side.range };
    if (!(left ? productKind(read.shape, other.shape) : productKind(other.shape, read.shape))) continue;
    return { operands: left ? [read, other] : [other, read], written: side, read };
  }
  return null;
}

/**
 * a product that forms only in the other order, y x where x y is written, into a matrix (CS231n's dWx = xᵀ dtanh
 * written dtanh xᵀ): the mend that exchanges them, or null
 */
export function exchanged(x: Expr, y: Expr, range: Range): { operands: [Expr, Expr]; written: Expr; read: Expr } | null {
  if (!x.shape?.length || !y.shape?.length) return null;
  const k = productKind(y.shape, x.shape);
  if (!k || k.kind !== 'matmul' || k.shape?.length !== 2) return null;
  const written: Expr = { k: 'matmul', a: x, b: y, shape: k.shape as Shape, range };
  return { operands: [y, x], written, read: { k: 'matmul', a: y, b: x, shape: k.shape as Shape, range } };
}

/**
 * a product that does not fit but would with one matrix operand transposed (W_ph (ŷ − y) for W_phᵀ (ŷ − y), a
 * chain rule written in column layout with its transpose forgotten): say which, as a teacher would
 */
export function flipFits(x: Expr, y: Expr): ProductHint | null {
  const f = flipped(x, y);
  if (!f) return null;
  return f.written.k === 'transpose'
    ? { text: `; without its transpose, ${exprText(f.read)} fits (a ᵀ too many?)`, fix: { transpose: 'remove', name: exprText(f.read) } }
    : {
        text: `; ${exprText(f.read)} (${shapeText(f.read.shape!)}) fits (a transpose missing?)`,
        fix: { transpose: 'add', name: exprText(f.written) },
      };
}

/** what a product that does not form is said with: the ending of its message, and the transpose that mends it */
interface ProductHint {
  text: string;
  fix?: TransposeFix;
}

/**
 * why a product does not form, the first that applies: two vectors of different sizes (an outer product with its
 * transpose forgotten, Σ_t δ_t x_tᵀ written δ_t x_t, or put on the left one), a named matrix whose transpose fits
 * (either side), an unnamed one's transpose taking a gradient back, a 3-tensor right of its gradient
 */
export function productHint(x: Expr, y: Expr, left: MaybeShape): ProductHint | null {
  if (x.shape?.length === 1 && y.shape?.length === 1) {
    // h_t ∂L/∂o_t, a vector before a gradient, against a weight's gradient of the gradient's size by the vector's:
    // 11-785's ∇_W Div = Σ_t h(t) ∇_{o(t)}Div, the column times the gradient as a row, in Wᵀ's shape; in W's shape
    // (LANGUAGE.md §4) the gradient comes first (Goldberg's x_i (…) against his W^x of x's size by s's keeps the ᵀ advice)
    if (left?.length === 2 && left[0] === y.shape[0] && left[1] === x.shape[0] && hasDeriv(y) && !hasDeriv(x))
      return {
        text: `; an outer product in a weight's shape is written with the gradient first and the other factor transposed, ${exprText(y)} ${exprText(x)}ᵀ (${exprText(x)} ${exprText(y)}, a column times the gradient as a row, is 11-785's ∇_W, in the transposed weight's shape)`,
        // the fix the plain case offers (a wrong product all the same, judged as one: solution/analyze.ts readsAndIsWrong)
        fix: { transpose: 'add', name: null },
      };
    return { text: '; their outer product is written with the right one transposed (ᵀ)', fix: { transpose: 'add', name: null } };
  }
  return misplacedTranspose(x, y) ?? flipFits(x, y) ?? transposeFits(x, y) ?? tensorFirst(x, y);
}

/** (ŷ_t − y_t)ᵀ h_t, vectors of sizes 3 and 4: an outer product with its transpose on the left vector */
function misplacedTranspose(x: Expr, y: Expr): ProductHint | null {
  if (x.k !== 'transpose' || x.a.shape?.length !== 1 || y.shape?.length !== 1 || x.a.shape[0] === y.shape[0]) return null;
  const [m, n] = [x.a.shape[0]!, y.shape[0]!];
  const outer: Expr = { k: 'mul', a: x.a, b: { k: 'transpose', a: y, shape: [1, n], range: y.range }, shape: [m, n], range: x.range };
  return {
    text: `; an outer product of two vectors is written with the right one transposed: ${exprText(outer)}`,
    fix: { transpose: 'move', name: null },
  };
}

/**
 * ∂⁺z_t/∂W_xh ∂L/∂z_t, the 3-tensor before the gradient (a denominator-layout habit): the gradient contracts the
 * tensor's first index from the left (LANGUAGE.md §4), so the order that reads is said
 */
function tensorFirst(x: Expr, y: Expr): ProductHint | null {
  if (x.shape?.length !== 3 || y.shape?.length !== 1 || y.shape[0] !== x.shape[0]) return null;
  return { text: `; a gradient multiplies a 3-tensor from the left, contracting its first index: ${exprText(y)} ${exprText(x)}` };
}

/**
 * (∂h_t/∂W_hh)ᵀ ∂L/∂h_t, denominator layout's transpose of a 3-index tensor beside the gradient that chains into it:
 * the transpose has no meaning, and the product that reads is the gradient left of the tensor, untransposed, which
 * the error names (at the transpose, as readExpression's plain refusal). Nothing when it does not apply.
 */
export function transposedTensor(a: Ast & { k: 'bin' }, ctx: ExprContext): void {
  const t = a.a.k === 'transpose' ? a.a : a.b.k === 'transpose' ? a.b : null;
  if (!t || ctx.quiet || !ctx.allowDeriv) return;
  const quiet = quietly(ctx);
  let x: Expr, g: Expr;
  try {
    x = readExpression(t.a, quiet);
    if (x.shape?.length !== 3) return;
    g = readExpression(t === a.a ? a.b : a.a, quiet);
  } catch (err) {
    if (err instanceof Abandoned) return;
    throw err;
  }
  if (x.k !== 'deriv' || g.shape?.length !== 1 || g.shape[0] !== x.shape[0] || !chained(g, x)) return;
  fail(
    ctx,
    `a ${shapeText(x.shape)} has no transpose: write ${exprText(g)} ${exprText(x)} (a gradient left of a Jacobian acts as a row)`,
    t.range,
    'shape-mismatch',
  );
}

/** the refusal's hint for a derivative that is a 3-index tensor, with no gradient beside it to name (transposedTensor) */
export function tensorUntransposed(x: Expr): string {
  if (x.k !== 'deriv') return '';
  return `: a gradient multiplies ${exprText(x)} from the left, untransposed (a gradient left of a Jacobian acts as a row)`;
}

/**
 * A matrix M (m×n) left of a vector of m: the transpose of M takes it (a backward pass's Vᵀ(ŷ_t − y_t) written
 * V(ŷ_t − y_t)), and the message says so.
 */
export function transposeFits(x: Expr, y: Expr): ProductHint | null {
  const [m, n] = x.shape ?? [];
  if (x.shape?.length !== 2 || y.shape?.length !== 1 || y.shape[0] !== m || m === n) return null;
  const name = x.k === 'ref' ? refWritten(x) : null;
  return {
    text: `; ${name ? `${name}ᵀ` : 'its transpose'} (${shapeText([n!, m!])}) would take it: a gradient goes back through a matrix by its transpose`,
    fix: { transpose: 'add', name },
  };
}

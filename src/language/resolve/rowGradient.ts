// Rojas's backpropagated error with rows for the layers' outputs: ∂E/∂h_t = W_2 D_t e_t + V D_{t+1} ∂E/∂h_{t+1}, h_t a
// 1×3 row (o^{(1)} = s(ô W̄_1)) and the errors columns. The gradient of a scalar by a row has the row's shape, 1×3, which
// no matrix of 3 columns multiplies on the right; in numerator layout the error that a matrix carries back is the
// column of those entries, so there it is read as that column, with an information (LANGUAGE.md §4, a gradient where a
// column belongs). Only where the row forms no product and the column does.

import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { exprText, refText } from '../print';
import type { ExprContext } from './context';

/** y, a gradient of a scalar by a 1×n row, as the column of its n entries right of x (an m×n matrix); null where not so */
export function rowGradientColumn(x: Expr, y: Expr, ctx: ExprContext): Expr | null {
  const s = y.shape;
  const m = x.shape;
  if (y.k !== 'deriv' || y.of.shape?.length !== 0 || s?.length !== 2 || s[0] !== 1 || m?.length !== 2 || m[1] !== s[1] || s[1] === 1)
    return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(y)} (a 1×${s[1]} row, as ${refText(y.wrt.name, y.wrt.idx)} is) is read as the column of its entries: in numerator layout the error a matrix carries back is a column`,
        y.range,
        'row-gradient',
      ),
    );
  // a 1×n row as the vector of its entries: the transpose node with the vector's shape, as a check reads a row side
  return { k: 'transpose', a: y, shape: [s[1]!], range: y.range } as Expr;
}

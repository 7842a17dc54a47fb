// Géron's mini-batch layer, Y_(t) = φ(X_(t) W_x + Y_(t−1) W_y + b) (Hands-On Machine Learning, eq. 15-2): one row per
// instance, and the bias b, one entry per neuron, added to every row ("broadcasting", as NumPy and the book add it).
// A sum of an m×n matrix (m ≠ n, so the rows are instances) and a 1×n row or a vector of n has no other reading: the
// row is added to each of the m rows, 1_m b — read so, with an information.
import type { Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { shapeText } from '../shapes';
import type { ExprContext } from './context';

const CODE = 'bias-rows';

/** x + y with one a batch (m×n, m > 1) and the other a row of n: the row made the m×n matrix 1_m row, else null */
export function biasRows(x: Expr, y: Expr, a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  const rowOf = (m: Expr, r: Expr): Expr | null => {
    const ms = m.shape;
    const rs = r.shape;
    // a square matrix beside a row is a layout slip as likely (x_tᵀ W_hxᵀ + W_hh h_{t-1}, h still a scalar while its
    // shape is inferred): a batch has as many rows as instances, not as neurons
    if (ms?.length !== 2 || ms[0]! < 2 || ms[0] === ms[1] || !rs) return null;
    const n = ms[1]!;
    if (rs.length === 2 && rs[0] === 1 && rs[1] === n) return r;
    if (rs.length === 1 && rs[0] === n) return { k: 'transpose', a: r, shape: [1, n], range: r.range };
    return null;
  };
  const row = rowOf(x, y) ?? rowOf(y, x);
  if (!row) return null;
  const matrixFirst = rowOf(x, y) !== null;
  const batch = matrixFirst ? x : y;
  const m = batch.shape![0]!;
  const one = (): Expr => ({ k: 'num', value: 1, shape: [], range: row.range });
  const ones: Expr = { k: 'mat', rows: Array.from({ length: m }, () => [one()]), shape: [m, 1], range: row.range };
  const spread: Expr = { k: 'matmul', a: ones, b: row, shape: [m, batch.shape![1]!], range: row.range };
  if (ctx.record && !ctx.quiet && !ctx.scope.diagnostics.some((d) => d.code === CODE && d.line === a.range.line))
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `the ${shapeText((matrixFirst ? y : x).shape!)} is added to every row of the ${shapeText(batch.shape!)}, as a bias is to a mini-batch's rows (one row per instance, as Géron's X_(t) W_x + b): 1 b with a column of ${m} ones`,
        a.range,
        CODE,
      ),
    );
  return matrixFirst ? [x, spread] : [spread, y];
}

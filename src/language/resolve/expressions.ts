// Right sides and question sides: Ast → Expr with shapes (LANGUAGE.md §4).

import type { Range } from '../../report';
import type { Ast } from '../ast';
import { span } from '../ast';
import { diag } from '../diagnostics';
import { LIMITS } from '../limits';
import type { Expr, Shape } from '../model';
import { exprText } from '../print';
import { NOT_KNOWN_YET, isLine, norm, shapeText, transposeShape } from '../shapes';
import { readAdjoint, readDerivative } from './calculus';
import type { ExprContext } from './context';
import { fail } from './context';
import { readCall } from './functions';
import { deltaIsNotDerivative, deltaOfParameter } from './gradientNames';
import { readName } from './names';
import { tensorUntransposed } from './productHints';
import { readBig } from './readBig';
import { readBinary } from './readBinary';
import { readIndex } from './readIndex';

export function readExpression(a: Ast, ctx: ExprContext): Expr {
  switch (a.k) {
    case 'num':
      return a.decimals === undefined
        ? { k: 'num', value: a.value, shape: [], range: a.range }
        : { k: 'num', value: a.value, shape: [], range: a.range, decimals: a.decimals };
    case 'name':
      return readName(a, ctx);
    case 'list':
      return readLiteral(a, ctx);
    case 'neg': {
      const x = readExpression(a.a, ctx);
      return { k: 'neg', a: x, shape: x.shape, range: a.range };
    }
    case 'bin':
      return readBinary(a, ctx);
    case 'call':
      return readCall(a, ctx);
    case 'transpose': {
      const x = readExpression(a.a, ctx);
      if (x.shape && x.shape.length > 2)
        fail(ctx, `a ${shapeText(x.shape)} has no transpose${tensorUntransposed(x)}`, a.range, 'shape-mismatch');
      return { k: 'transpose', a: x, shape: (x.shape ? transposeShape(x.shape) : null) as Shape, range: a.range };
    }
    case 'index':
      return readIndex(a, ctx);
    case 'big':
      return readBig(a, ctx);
    case 'deriv':
      return readDerivative(a, ctx);
    case 'adjoint':
      if (a.delta) {
        // \delta h_t: what δX is said to be (deltaIsNotDerivative) where the file defines X and not δ; else the
        // product δ h_t (δ defined, or an unknown name δ said so)
        const base = a.a.raw.indexOf('_') > 0 ? a.a.raw.slice(0, a.a.raw.indexOf('_')) : a.a.raw;
        // a name δc the solution defines (Let $\delta c_t = ∂L/∂c_t$, or δc_t = … in its network): that name
        if (ctx.scope.isKnown('δ' + base) || ctx.scope.derived.has('δ' + base))
          return readExpression({ ...a.a, raw: 'δ' + a.a.raw, range: a.range, nameRange: span(a.delta, a.a.nameRange) }, ctx);
        // \delta p_i, \delta W_z (Greff et al.'s parameter gradients): ∂L/∂p_i (names.ts deltaOfParameter)
        const param = deltaOfParameter(a.a, a.range, ctx);
        if (param) return param;
        if (!ctx.scope.isKnown('δ') && ctx.scope.isKnown(base)) deltaIsNotDerivative(ctx, `δ${base}`, base, span(a.delta, a.a.nameRange));
        const delta: Ast = { k: 'name', raw: 'δ', sub: null, sup: null, range: a.delta, nameRange: a.delta };
        return readExpression({ k: 'bin', op: 'juxt', a: delta, b: a.a, range: a.range }, ctx);
      }
      return readAdjoint(a.a, a.range, ctx);
    case 'indicator':
      return readIndicator(a, ctx);
  }
  return fail(ctx, 'unsupported expression', (a as Ast).range);
}

export function readLiteral(a: Ast & { k: 'list' }, ctx: ExprContext): Expr {
  if (a.items.length === 0) fail(ctx, 'an empty literal []', a.range, 'shape-mismatch');
  const items = a.items.map((x) => readExpression(x, ctx));
  // [ … ] around one vector or matrix is a bracket, as (…): W_hhᵀ [(1 − h_{t+1}²) ⊙ δ_{t+1}], \left[ … \right]
  if (items.length === 1 && a.items[0]!.k !== 'list' && items[0]!.shape !== null && items[0]!.shape.length > 0) return items[0]!;
  if (items.every((x) => x.shape !== null && x.shape.length === 0)) {
    return { k: 'vec', items, shape: norm([items.length]), range: a.range };
  }
  // colah's and Graves' W_f·[h_{t-1}, x_t]: vectors written side by side in brackets (no literal rows among them)
  const flat = a.items.every((x) => x.k !== 'list') && items.every((x) => x.shape === null || x.shape.length <= 1);
  // while the shapes are inferred, a part whose shape is not known yet (h_{t-1} with h_0 = 0, h's shape decided by the
  // gates that read this very concatenation) leaves the column's size unknown, as a name of unknown shape does: the
  // product W_f [h_{t-1}, x_t] still has W_f's rows, which decide h (it was a scalar, and the concatenation too short)
  if (flat && ctx.quiet && items.some((x) => x.shape === null)) return { k: 'vec', items, shape: NOT_KNOWN_YET, range: a.range };
  if (flat && items.every((x) => x.shape !== null)) return concatenation(items, a.range, ctx, a.stacked ? '; ' : ', ');
  const blocks = blockMatrix(a, items, ctx);
  if (blocks) return blocks;
  // the one row of a bmatrix that holds blocks side by side, \begin{bmatrix} V_f & V_b \end{bmatrix}: that block row
  const inner = a.items.length === 1 ? a.items[0]! : null;
  if (inner?.k === 'list' && inner.items.length > 1 && inner.items.every((x) => x.k !== 'list') && items[0]!.k === 'mat') return items[0]!;
  const rows = items.map((x) => (x.k === 'vec' ? x.items : null));
  if (rows.some((r) => !r) || rows.some((r) => r!.length !== rows[0]!.length))
    fail(ctx, 'a matrix literal is a list of rows of equal length, e.g. [[1, 0], [0, 1]]', a.range, 'shape-mismatch');
  return { k: 'mat', rows: rows as Expr[][], shape: norm([rows.length, rows[0]!.length]), range: a.range };
}

/**
 * [h_{t-1}, x_t]: the column that stacks the vectors (and scalars) one under the other, entry by entry — the
 * notation of LSTM gates as colah's and Graves' notes print them (session 16: "a matrix literal is a list of
 * rows" refused it). An information diagnostic says how it was read.
 */
export function concatenation(items: Expr[], range: Range, ctx: ExprContext, sep: string): Expr {
  const entries: Expr[] = [];
  for (const x of items) {
    if (entries.length > LIMITS.maxDim) break;
    const n = x.shape!.length === 0 ? 0 : x.shape![0]!;
    if (n === 0) entries.push(x);
    for (let i = 1; i <= n; i++) entries.push({ k: 'index', a: x, i: { k: 'num', value: i, shape: [], range }, j: null, shape: [], range });
  }
  // the bound a declared dimension has
  if (entries.length > LIMITS.maxDim)
    fail(ctx, `a concatenation of ${entries.length} entries: a dimension above ${LIMITS.maxDim} (limit)`, range, 'limit');
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `[${items.map((x) => exprText(x)).join(sep)}] is read as their concatenation, a vector of ${entries.length}`,
        range,
        'concatenation',
      ),
    );
  return { k: 'vec', items: entries, shape: norm([entries.length]), range };
}

/**
 * [V_f, V_b] and \begin{bmatrix} V_f & V_b \end{bmatrix}: matrices side by side with equal row counts are the block
 * row, one matrix (a bidirectional network's output weights over the stacked [h⃗_t; h⃖_t]); [A; B] stacks them, with
 * equal column counts. It was "a matrix literal is a list of rows of equal length". Null where the items are not all
 * matrices (vectors side by side are the concatenation above) or their sizes do not fit together.
 */
function blockMatrix(a: Ast & { k: 'list' }, items: Expr[], ctx: ExprContext): Expr | null {
  if (items.length < 2 || a.items.some((x) => x.k === 'list') || !items.every((x) => x.shape?.length === 2)) return null;
  const shapes = items.map((x) => x.shape!);
  const along = a.stacked ? 1 : 0;
  if (shapes.some((s) => s[along] !== shapes[0]![along])) return null;
  const total = shapes.reduce((n, s) => n + s[1 - along]!, 0);
  if (total > LIMITS.maxDim)
    fail(ctx, `a block matrix of ${total} rows or columns: a dimension above ${LIMITS.maxDim} (limit)`, a.range, 'limit');
  const num = (value: number): Expr => ({ k: 'num', value, shape: [], range: a.range });
  const entry = (x: Expr, i: number, j: number): Expr => ({ k: 'index', a: x, i: num(i), j: num(j), shape: [], range: a.range });
  const row = (x: Expr, i: number): Expr[] => Array.from({ length: x.shape![1]! }, (_, j) => entry(x, i, j + 1));
  const rows: Expr[][] = [];
  if (a.stacked) for (const x of items) for (let i = 1; i <= x.shape![0]!; i++) rows.push(row(x, i));
  else for (let i = 1; i <= shapes[0]![0]!; i++) rows.push(items.flatMap((x) => row(x, i)));
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `[${items.map((x) => exprText(x)).join(a.stacked ? '; ' : ', ')}] is read as the block matrix of ${rows.length}×${rows[0]!.length}, its blocks ${a.stacked ? 'one under the other' : 'side by side'}`,
        a.range,
        'concatenation',
      ),
    );
  return { k: 'mat', rows, shape: norm([rows.length, rows[0]!.length]), range: a.range };
}

/** 1_{a=b}: 1 where a equals b, else 0 */
function readIndicator(a: Ast & { k: 'indicator' }, ctx: ExprContext): Expr {
  const x = readExpression(a.a, ctx);
  const y = readExpression(a.b, ctx);
  // 1_{i=y^{(t)}} with y a vector target (one-hot: Goodfellow eq. 10.18 with one-hot targets): "i is y's class", entry i of y
  const vec = (e: Expr) => e.shape?.length === 1 && e.k === 'ref' && ctx.scope.decls.get(e.name)?.kind === 'target';
  const num = (e: Expr) => e.shape?.length === 0;
  if ((num(x) && vec(y)) || (vec(x) && num(y))) {
    const [v, i] = vec(x) ? [x, y] : [y, x];
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `1_{a=b} of a number and a vector of ${v.shape![0]} is read as the target's entry (a one-hot target is 1 at its class)`,
          a.range,
          'indicator-one-hot',
        ),
      );
    return { k: 'index', a: v, i, j: null, shape: [], range: a.range };
  }
  for (const side of [x, y])
    if (side.shape && side.shape.length)
      fail(ctx, `the indicator 1_{a=b} compares two numbers, not a ${shapeText(side.shape)}`, side.range, 'shape-mismatch');
  return { k: 'indicator', a: x, b: y, shape: [], range: a.range };
}

/**
 * x^y: the matrix power for a square matrix and a whole number y ≥ 0 (which may depend on bound indices,
 * (W_hhᵀ)^{T-i}); elementwise for scalars and vectors (LANGUAGE.md §4)
 */
export function power(x: Expr, y: Expr, exponentRange: Range, range: Range, ctx: ExprContext): Expr {
  if (y.shape && y.shape.length) fail(ctx, `an exponent must be a scalar, not a ${shapeText(y.shape)}`, exponentRange, 'shape-mismatch');
  const s = x.shape;
  // a matrix of one row or one column is a vector written as a matrix (d2l's row convention: H_t : 1×h), squared entrywise
  if (s && s.length >= 2 && !(isLine(s) && s[0] !== s[1])) {
    if (s.length !== 2 || s[0] !== s[1])
      fail(ctx, `M^k is the matrix power of a square matrix, not of a ${shapeText(s)} (⊙ multiplies entrywise)`, range, 'shape-mismatch');
    const k = y.k === 'num' ? y.value : y.k === 'neg' && y.a.k === 'num' ? -y.a.value : null;
    if (k !== null && (!Number.isInteger(k) || k < 0))
      fail(ctx, `a matrix power M^k needs a whole number k ≥ 0, not ${k}`, exponentRange, 'shape-mismatch');
    // Bradbury et al.'s W_z^1 x_{t−1} + W_z^2 x_t: no one writes a matrix to the power 1, so the 1 labels one of several
    // matrices (a filter's taps, a layer), and the 2 beside it is no square either — said, as the check then fails
    if (k === 1 && ctx.record && !ctx.quiet && x.k === 'ref')
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `${exprText(x)}^1 is read as the matrix power, ${exprText(x)} itself (and ${exprText(x)}^2 as ${exprText(x)}·${exprText(x)}): a superscript number labelling one of several matrices (a convolution's taps, a layer) names none of the network — declare each as a parameter of its own (${exprText(x)}1, ${exprText(x)}2)`,
          range,
          'power-label',
        ),
      );
    return { k: 'matpow', a: x, n: y, shape: s, range };
  }
  return { k: 'pow', a: x, b: y, shape: s as Shape, range };
}

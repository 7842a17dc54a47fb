// Function applications: σ, tanh, …, their primes, the inverses σ^{-1} and tanh^{-1}, onehot(k, n),
// count(…), and names that stand for a function (φ = tanh).

import { NORM, NORM_SQUARED, type Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Expr, Fn, Shape } from '../model';
import { entries, isLine, NOT_KNOWN_YET, shapeText, type MaybeShape } from '../shapes';
import { fail, type ExprContext } from './context';
import { readExpression } from './expressions';
import { occurrence } from './text';
import { exprText } from '../print';
import { readPlaceholder } from './placeholder';
import { angleOuter } from './angleOuter';
import { otimesEntrywise } from './otimesProduct';
import { constValue } from './values';

const FN_NAMES: Record<string, string> = {
  sigma: 'σ',
  tanh: 'tanh',
  relu: 'relu',
  exp: 'exp',
  log: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
  softmax: 'softmax',
  sum: 'sum',
  mean: 'mean',
  diag: 'diag',
  dsigma: "σ'",
  dtanh: "tanh'",
  drelu: "relu'",
  count: 'count',
  logit: 'σ^{-1}',
  artanh: 'tanh^{-1}',
  onehot: 'onehot',
  prod: 'prod',
  cosh: 'cosh',
  sinh: 'sinh',
  sech: 'sech',
  outer: '⊗',
  [NORM]: '‖…‖',
  [NORM_SQUARED]: '‖…‖²',
};

/** the inverses as written, and what a student who wrote them may have meant (seed 004 writes σ' this way) */
const INVERSE_HINT: Record<string, string> = {
  logit: "σ^{-1} is the inverse function (logit); the derivative σ'(z) is written σ'",
  artanh: "tanh^{-1} is the inverse function (artanh); the derivative tanh'(z) is written tanh'",
};

export function readCall(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const scope = ctx.scope;
  if (ctx.record) scope.symbols.push(occurrence(a.fnRange, a.fn, FN_NAMES[a.fn] ?? a.fn, 'function'));
  if (a.fn === 'count') {
    // count(A, …): the number of entries, a static fact (count(params): every trainable entry)
    return { k: 'num', value: countEntries(a.arg, ctx), shape: [], range: a.range };
  }
  if (a.fn === 'onehot') return readOnehot(a, ctx);
  if (a.fn === 'prod') return readProd(a, ctx);
  if (a.fn === 'outer') return readOuter(a, ctx);
  if (a.fn === NORM || a.fn === NORM_SQUARED) return readNorm(a, ctx);
  if (a.placeholder) return readPlaceholder(a, ctx);
  const outer = a.angle ? angleOuter(a, ctx) : null;
  if (outer) return outer;
  const x = readExpression(a.arg, ctx);
  if (a.fn === 'cosh' || a.fn === 'sinh' || a.fn === 'sech') return hyperbolic(a.fn, x, a.range);
  const hint = INVERSE_HINT[a.fn];
  if (hint && ctx.record && !ctx.quiet) scope.diagnostics.push(diag('hint', hint, a.fnRange, 'inverse'));
  const s = x.shape;
  let shape: MaybeShape = s;
  if (a.fn === 'sum' || a.fn === 'mean') shape = [];
  else if (a.fn === 'softmax') {
    // a row or a column (CS224n's ŷ^{(t)} = softmax(h^{(t)} U + b_2), its vectors rows) is the vector it writes
    if (s && s.length > 1 && !isLine(s)) fail(ctx, `softmax takes a vector, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
  } else if (a.fn === 'diag') {
    if (s && s.length === 1) shape = [s[0]!, s[0]!];
    else if (s && s.length === 2 && s[0] === s[1]) shape = [s[0]!];
    else if (s && s.length === 0) shape = [];
    // a row or a column (d2l.ai's H_t : 1×h) is the vector it writes: diag of its entries
    else if (s && isLine(s)) shape = [entries(s), entries(s)];
    else if (s) fail(ctx, `diag takes a vector or a square matrix, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
  }
  return { k: 'call', fn: a.fn as Fn, arg: x, shape: shape as Shape, range: a.range };
}

/**
 * ‖x‖ and ‖x‖²: of a vector (or a scalar, a row, a column) the Euclidean norm sqrt(sum(x ⊙ x)), its square written out
 * as sum(x ⊙ x) so that its gradient 2x has a value at x = 0; of a matrix the spectral norm, its largest singular value
 * (the operator norm, the one the vanishing-gradient bounds mean: ‖∏ J_j‖ ≤ ∏ ‖J_j‖ holds for the empty product, the
 * identity, whose Frobenius norm is √n); ‖x‖_F the Frobenius norm sqrt(sum(x ⊙ x)) of any shape
 */
function readNorm(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const x = readExpression(a.arg, ctx);
  const s = x.shape;
  const range = a.range;
  const squared = a.fn === NORM_SQUARED;
  if (s && s.length === 2 && !isLine(s) && a.written !== 'F') {
    // what ‖M‖ means is said once: a sheet may mean the Frobenius norm (a regulariser's ‖W‖²)
    if (ctx.record && !ctx.quiet && !ctx.scope.spectralSaid) {
      ctx.scope.spectralSaid = true;
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `‖${exprText(x)}‖, the norm of a ${shapeText(s)}, is its spectral norm: the largest singular value (the operator norm the bounds on ∂h_t/∂h_k mean); ‖${exprText(x)}‖_F is the Frobenius norm`,
          range,
          'spectral-norm',
        ),
      );
    }
    const n: Expr = { k: 'call', fn: 'opnorm', arg: x, shape: [], range };
    return squared ? { k: 'pow', a: n, b: { k: 'num', value: 2, shape: [], range }, shape: [], range } : n;
  }
  const product: Expr = { k: s && s.length === 0 ? 'mul' : 'hadamard', a: x, b: x, shape: s as Shape, range };
  const squares: Expr = { k: 'call', fn: 'sum', arg: product, shape: [], range };
  return squared ? squares : { k: 'call', fn: 'sqrt', arg: squares, shape: [], range };
}

/**
 * cosh, sinh and sech written out with exp, which the engine evaluates and differentiates: cosh z = (eᶻ + e⁻ᶻ)/2,
 * sinh z = (eᶻ − e⁻ᶻ)/2, sech z = 2/(eᶻ + e⁻ᶻ) — so tanh'(z) written sech²(z) (as some sheets do) reads
 */
function hyperbolic(fn: 'cosh' | 'sinh' | 'sech', x: Expr, range: Expr['range']): Expr {
  const shape = x.shape;
  const up: Expr = { k: 'call', fn: 'exp', arg: x, shape, range };
  const down: Expr = { k: 'call', fn: 'exp', arg: { k: 'neg', a: x, shape, range }, shape, range };
  const two: Expr = { k: 'num', value: 2, shape: [], range };
  const both: Expr = { k: fn === 'sinh' ? 'sub' : 'add', a: up, b: down, shape, range };
  return fn === 'sech' ? { k: 'div', a: two, b: both, shape, range } : { k: 'div', a: both, b: two, shape, range };
}

/** a ⊗ b of two vectors: their outer product a bᵀ (∇_W L = Σ_t δ_t ⊗ x_t); of anything else, an error that says so */
function readOuter(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const entrywise = otimesEntrywise(a, ctx);
  if (entrywise) return entrywise;
  const [x, y] = (a.arg as Ast & { k: 'list' }).items.map((e) => readExpression(e, ctx)) as [Expr, Expr];
  // a scalar side (a one-unit network): the outer product is the product
  if (x.shape?.length === 0 || y.shape?.length === 0)
    return { k: 'mul', a: x, b: y, shape: (x.shape?.length === 0 ? y.shape : x.shape) as Shape, range: a.range };
  for (const e of [x, y])
    if (e.shape && e.shape.length !== 1)
      fail(
        ctx,
        `⊗ is read as the outer product of two vectors (a ⊗ b = a bᵀ), not of a ${shapeText(e.shape)}; the product entry by entry is written ⊙`,
        a.range,
        'shape-mismatch',
      );
  const row: Expr = { k: 'transpose', a: y, shape: y.shape ? [1, y.shape[0]!] : NOT_KNOWN_YET, range: y.range };
  const shape = x.shape && y.shape ? [x.shape[0]!, y.shape[0]!] : NOT_KNOWN_YET;
  return { k: 'matmul', a: x, b: row, shape, range: a.range };
}

/**
 * d2l.ai §9.7's prod(A, B): "multiplies its arguments after the necessary operations such as transposition";
 * its arguments are a gradient and a Jacobian in chain-rule order, which is how a product written A B reads
 * (a gradient left of a Jacobian acts as a row, LANGUAGE.md §4), so prod(A, B) is A B.
 */
function readProd(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const args = a.arg.k === 'list' ? a.arg.items : [a.arg];
  if (args.length !== 2)
    return fail(ctx, `prod(A, B) (d2l.ai's notation) takes two factors: a gradient and a Jacobian, in chain-rule order`, a.range, 'syntax');
  return readExpression({ k: 'bin', op: 'juxt', a: args[0]!, b: args[1]!, range: a.range }, ctx);
}

/** onehot(k, n): the vector of n entries that is 1 at entry k (1-based) — n indicators */
function readOnehot(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  const args = a.arg.k === 'list' ? a.arg.items : [a.arg];
  if (args.length !== 2) return fail(ctx, `onehot(k, n) takes the place k and the size n`, a.range, 'syntax');
  const n = constValue(args[1]!, ctx.scope.T);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100_000)
    return fail(ctx, `the size n of onehot(k, n) must be a whole number from 1 to 100,000`, args[1]!.range, 'shape-mismatch');
  const k = readExpression(args[0]!, ctx);
  if (k.shape && k.shape.length)
    fail(ctx, `the place k of onehot(k, n) is a number, not a ${shapeText(k.shape)}`, args[0]!.range, 'shape-mismatch');
  return oneHot(k, n, a.range);
}

/** onehot(k, n) as an expression: n indicators 1[k = i] (one, a scalar, for n = 1) */
export function oneHot(k: Expr, n: number, range: Expr['range']): Expr {
  const items: Expr[] = Array.from({ length: n }, (_, i) => ({
    k: 'indicator',
    a: k,
    b: { k: 'num', value: i + 1, shape: [], range },
    shape: [],
    range,
  }));
  return n === 1 ? items[0]! : { k: 'vec', items, shape: [n], range };
}

/** count(A, B, …): the number of entries of each (count(params): every trainable entry) */
function countEntries(a: Ast, ctx: ExprContext): number {
  const { decls, T } = ctx.scope;
  const args: Ast[] = [];
  const flat = (x: Ast) => {
    if (x.k === 'bin' && x.op === 'juxt') {
      flat(x.a);
      flat(x.b);
    } else if (x.k === 'list') x.items.forEach(flat);
    else args.push(x);
  };
  flat(a);
  let n = 0;
  for (const x of args) {
    if (x.k === 'name' && x.raw === 'params' && !decls.has('params')) {
      for (const d of decls.values()) if (d.kind === 'param') n += entries(d.shape) * (d.perStep ? T : 1);
      continue;
    }
    if (x.k === 'name' && decls.has(x.raw)) {
      const d = decls.get(x.raw)!;
      n += entries(d.shape) * (d.perStep ? T : 1);
      continue;
    }
    const e = readExpression(x, ctx);
    if (!e.shape) fail(ctx, 'count needs a known shape', x.range);
    n += entries(e.shape);
  }
  return n;
}

// Right sides and question sides: Ast → Expr with shapes (LANGUAGE.md §4).

import type { Ast } from '../ast';
import { LIMITS } from '../limits';
import type { Expr, Fn, Idx, Shape } from '../model';
import { elementwiseShape, entries, matmulShape, norm, productKind, same, shapeText, transposeShape, type MaybeShape } from '../shapes';
import { fail, withVars, type ExprContext } from './context';
import { readName, timeIndexOf } from './names';
import { describe, occurrence, operands } from './text';

const FN_NAMES: Record<string, string> = {
  sigma: 'σ', tanh: 'tanh', relu: 'relu', exp: 'exp', log: 'log', sqrt: 'sqrt', abs: 'abs', softmax: 'softmax',
  sum: 'sum', mean: 'mean', diag: 'diag', dsigma: "σ'", dtanh: "tanh'", drelu: "relu'", count: 'count',
};

export function readExpression(a: Ast, ctx: ExprContext): Expr {
  switch (a.k) {
    case 'num':
      return { k: 'num', value: a.value, shape: [], range: a.range };
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
      return { k: 'transpose', a: x, shape: (x.shape ? transposeShape(x.shape) : null) as Shape, range: a.range };
    }
    case 'index':
      return readIndex(a, ctx);
    case 'big':
      return readBig(a, ctx);
    case 'deriv':
      return readDerivative(a, ctx);
  }
  return fail(ctx, 'unsupported expression', (a as Ast).range);
}

function readLiteral(a: Ast & { k: 'list' }, ctx: ExprContext): Expr {
  if (a.items.length === 0) fail(ctx, 'an empty literal []', a.range, 'shape-mismatch');
  const items = a.items.map((x) => readExpression(x, ctx));
  if (items.every((x) => x.shape !== null && x.shape.length === 0)) {
    return { k: 'vec', items, shape: norm([items.length]), range: a.range };
  }
  const rows = items.map((x) => (x.k === 'vec' ? x.items : null));
  if (rows.some((r) => !r) || rows.some((r) => r!.length !== rows[0]!.length)) fail(ctx, 'a matrix literal is a list of rows of equal length, e.g. [[1, 0], [0, 1]]', a.range, 'shape-mismatch');
  return { k: 'mat', rows: rows as Expr[][], shape: norm([rows.length, rows[0]!.length]), range: a.range };
}

function readBinary(a: Ast & { k: 'bin' }, ctx: ExprContext): Expr {
  const x = readExpression(a.a, ctx);
  const y = readExpression(a.b, ctx);
  switch (a.op) {
    case '+': case '-': {
      const s = elementwiseShape(x.shape, y.shape);
      if (s === false) fail(ctx, `shape mismatch: cannot ${a.op === '+' ? 'add' : 'subtract'} ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: a.op === '+' ? 'add' : 'sub', a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '⊙': {
      const s = elementwiseShape(x.shape, y.shape);
      if (s === false) fail(ctx, `shape mismatch: ⊙ needs equal shapes, not ${operands(x, y)}`, a.range, 'shape-mismatch');
      const k = (x.shape && x.shape.length === 0) || (y.shape && y.shape.length === 0) ? 'mul' : 'hadamard';
      return { k, a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '@': {
      const s = x.shape && y.shape ? matmulShape(x.shape, y.shape) : null;
      if (x.shape && y.shape && !s) fail(ctx, `shape mismatch: cannot form the matrix product of ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: 'matmul', a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '*': case 'juxt': {
      const r = productKind(x.shape, y.shape);
      if (!r) fail(ctx, `shape mismatch: cannot multiply ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: r!.kind, a: x, b: y, shape: r!.shape as Shape, range: a.range };
    }
    case '/': {
      if (y.shape && y.shape.length && !(x.shape && same(x.shape, y.shape))) fail(ctx, `shape mismatch: cannot divide ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: 'div', a: x, b: y, shape: x.shape as Shape, range: a.range };
    }
    case '^': {
      if (y.shape && y.shape.length) fail(ctx, `an exponent must be a scalar, not a ${shapeText(y.shape)}`, a.b.range, 'shape-mismatch');
      return { k: 'pow', a: x, b: y, shape: x.shape as Shape, range: a.range };
    }
  }
}

function readCall(a: Ast & { k: 'call' }, ctx: ExprContext): Expr {
  if (ctx.record) ctx.scope.symbols.push(occurrence(a.fnRange, a.fn, FN_NAMES[a.fn] ?? a.fn, 'function'));
  if (a.fn === 'count') {
    // count(A, …): the number of entries, a static fact (count(params): every trainable entry)
    return { k: 'num', value: countEntries(a.arg, ctx), shape: [], range: a.range };
  }
  const x = readExpression(a.arg, ctx);
  const s = x.shape;
  let shape: MaybeShape = s;
  if (a.fn === 'sum' || a.fn === 'mean') shape = [];
  else if (a.fn === 'softmax') { if (s && s.length > 1) fail(ctx, `softmax takes a vector, not a ${shapeText(s)}`, a.range, 'shape-mismatch'); }
  else if (a.fn === 'diag') {
    if (s && s.length === 1) shape = [s[0]!, s[0]!];
    else if (s && s.length === 2 && s[0] === s[1]) shape = [s[0]!];
    else if (s && s.length === 0) shape = [];
    else if (s) fail(ctx, `diag takes a vector or a square matrix, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
  }
  return { k: 'call', fn: a.fn as Fn, arg: x, shape: shape as Shape, range: a.range };
}

function readIndex(a: Ast & { k: 'index' }, ctx: ExprContext): Expr {
  const x = readExpression(a.a, ctx);
  const args = a.args.map((i) => readExpression(i, ctx));
  for (const i of args) if (i.shape && i.shape.length) fail(ctx, `an index must be a scalar`, i.range, 'shape-mismatch');
  const s = x.shape;
  if (s && s.length === 0) fail(ctx, `${describe(x)} is a scalar: it has no entries to index`, a.range, 'shape-mismatch');
  if (s && args.length !== s.length) fail(ctx, `${describe(x)} is a ${shapeText(s)}: index it with ${s.length === 1 ? 'one number, v[i]' : 'two numbers, M[i, j]'}`, a.range, 'shape-mismatch');
  if (args.length > 2) fail(ctx, 'at most two indices', a.range, 'shape-mismatch');
  args.forEach((i, n) => {
    if (s && i.k === 'num' && (!Number.isInteger(i.value) || i.value < 1 || i.value > s[n]!)) fail(ctx, `index ${i.value} is outside 1..${s[n]}`, i.range, 'index');
  });
  return { k: 'index', a: x, i: args[0]!, j: args[1] ?? null, shape: [], range: a.range };
}

function readBig(a: Ast & { k: 'big' }, ctx: ExprContext): Expr {
  const v = a.v ?? 't';
  if (ctx.vars.has(v) && v !== 't') fail(ctx, `${v} is already bound by an outer Σ/∏`, a.vRange ?? a.range, 'index');
  const from: Idx = a.from ? timeIndexOf(a.from, ctx) : { v: null, k: 1 };
  const to: Idx = a.to ? timeIndexOf(a.to, ctx) : { v: null, k: ctx.scope.T };
  const body = readExpression(a.body, withVars(ctx, v));
  const s = body.shape;
  if (a.op === 'prod' && s && s.length === 2 && s[0] !== s[1]) fail(ctx, `∏ needs square matrices, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
  if (a.op === 'prod' && s && s.length === 1) fail(ctx, `∏ of vectors is not defined; use ⊙ or diag`, a.range, 'shape-mismatch');
  return { k: a.op, v, from, to, body, shape: s as Shape, range: a.range };
}

function readDerivative(a: Ast & { k: 'deriv' }, ctx: ExprContext): Expr {
  if (!ctx.allowDeriv) fail(ctx, `derivative terms belong in derive and check lines, not in equations`, a.range, 'syntax');
  const of = readExpression(a.of, { ...ctx, allowDeriv: false });
  const w = readExpression(a.wrt, { ...ctx, allowDeriv: false });
  if (w.k !== 'ref') return fail(ctx, `differentiate with respect to a name (∂L/∂W_hh, ∂h_t/∂h_{t-1}), not an expression`, a.wrt.range, 'syntax');
  const ws = w.shape;
  let shape: MaybeShape = null;
  if (of.shape && ws) {
    if (of.shape.length === 0) shape = ws;
    else if (ws.length === 0) shape = of.shape;
    else if (of.shape.length === 1 && ws.length === 1) shape = norm([of.shape[0]!, ws[0]!]);
    else fail(ctx, `∂A/∂B of a ${shapeText(of.shape)} by a ${shapeText(ws)} is not a matrix; differentiate a scalar or a vector by a vector`, a.range, 'shape-mismatch');
    if (entries(of.shape) * entries(ws) > LIMITS.maxJacobian) fail(ctx, `this Jacobian has more than ${LIMITS.maxJacobian} entries (limit)`, a.range, 'limit');
  }
  return { k: 'deriv', total: !a.plus, of, wrt: { name: w.name, idx: w.idx, range: w.range }, shape: shape as Shape, range: a.range };
}

/** count(A, B, …): the number of entries of each (count(params): every trainable entry) */
function countEntries(a: Ast, ctx: ExprContext): number {
  const { decls, T } = ctx.scope;
  const args: Ast[] = [];
  const flat = (x: Ast) => {
    if (x.k === 'bin' && x.op === 'juxt') { flat(x.a); flat(x.b); }
    else if (x.k === 'list') x.items.forEach(flat);
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

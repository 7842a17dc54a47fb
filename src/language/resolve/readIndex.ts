// Indexing as written: an entry W[i, j] or W_{ij} of a bracketed matrix, slices and blocks, a stacked vector's product,
// a truncated gradient's label, brackets that hold a sequence's step.

import type { Ast, NameAst } from '../ast';
import { span } from '../ast';
import { diag } from '../diagnostics';
import type { Expr, Shape } from '../model';
import { exprText } from '../print';
import { shapeText } from '../shapes';
import { bracketActivation } from './activationForms';
import { markedAdjoint } from './calculus';
import type { ExprContext } from './context';
import { Abandoned, fail, quietly } from './context';
import { readExpression } from './expressions';
import { lineEntry } from './nameEntries';
import { describe } from './text';

/**
 * deeplearning.ai's W_f[a^{⟨t-1⟩}, x^{⟨t⟩}]: brackets right on a matrix that hold vectors are no entry (an index is a
 * number) but the stacked vector it multiplies, as W_f [a_{t-1}, x_t] reads (readLiteral's concatenation): that
 * product, or null when some item is not a vector or scalar, or none is a vector
 */
function stackedProduct(a: Ast & { k: 'index' }, ctx: ExprContext): Ast | null {
  const quiet = quietly(ctx);
  let vector = false;
  for (const i of a.args) {
    let s: Shape | null;
    try {
      s = readExpression(i, quiet).shape;
    } catch (err) {
      if (err instanceof Abandoned) return null;
      throw err;
    }
    if (!s || s.length > 1) return null;
    if (s.length === 1) vector = true;
  }
  if (!vector) return null;
  const list: Ast = { k: 'list', items: a.args, range: span(a.args[0]!.range, a.args[a.args.length - 1]!.range) };
  return { k: 'bin', op: 'juxt', a: a.a, b: list, range: a.range };
}

/**
 * W^{in}[1; u(n)]: the column stacked with ';' tight after a matrix is the column it multiplies (no entry's indices are
 * set apart by ';'); after anything else the brackets are said not to read, where a product with a vector would have
 * been taken entry by entry in silence
 */
function stackedColumn(a: Ast & { k: 'index' }, ctx: ExprContext): Expr {
  // its shape asked quietly: the product below reads it again, saying what it says once
  let x: Expr | null = null;
  try {
    x = readExpression(a.a, quietly(ctx));
  } catch (err) {
    if (!(err instanceof Abandoned)) throw err;
  }
  if (x && x.shape !== null && x.shape.length !== 2)
    fail(
      ctx,
      `${exprText(x)}[…; …]: rows set apart by ';' in brackets right after a value are the column a matrix multiplies (W^{in}[1; u_t]), and ${exprText(x)} is no matrix — an entry is x[i], a product x ⊙ [a; b]`,
      a.range,
      'shape-mismatch',
    );
  return readExpression({ k: 'bin', op: 'juxt', a: a.a, b: a.args[0]!, range: a.range }, ctx);
}

/**
 * (W_hh)_{hj}, (W_hh)_{12}: two index letters (bound or free, not t) or two nonzero digits run together in the
 * subscript of a bracketed matrix, as Graves writes w_{hj} and a sheet writes (W)_{ij} — its entry (h, j), as
 * names.ts reads W_hh_{hj} and V_{12} (session 33: "unknown name hj", "index it with two numbers")
 */
function runTogether(i: Ast, ctx: ExprContext): { items: Ast[]; text: string } | null {
  if (i.k === 'num' && /^[1-9]{2}$/.test(String(i.value)))
    return { items: [...String(i.value)].map((c) => ({ k: 'num', value: Number(c), range: i.range })), text: String(i.value) };
  if (i.k !== 'name' || i.sub || i.sup || i.args) return null;
  const chars = [...i.raw];
  if (chars.length !== 2 || !chars.every((c) => c !== 't' && ctx.vars.has(c))) return null;
  return { items: chars.map((c) => ({ k: 'name', raw: c, sub: null, sup: null, range: i.range, nameRange: i.range })), text: i.raw };
}

/** a truncated gradient's label: (∂L/∂W)_{trunc}, _{\text{truncated}}, _{TBPTT} */
export const TRUNCATED = /^(?:trunc|truncated|tbptt|TBPTT|TBTT)$/;

/** whether brackets right on this name hold its step: a sequence written with no step (or ψ, a name the solution defines by a derivative at every step, Sherstinsky's ψ[n+1]) */
function bracketTimed(n: NameAst, ctx: ExprContext): boolean {
  if (n.sub || n.sup || n.args || ctx.vars.has(n.raw)) return false;
  const scope = ctx.scope;
  return (
    scope.isTimed(n.raw) ||
    (!scope.isKnown(n.raw) && scope.isTimed(markedAdjoint(n)?.raw ?? '')) ||
    scope.derived.get(n.raw)?.timed === true
  );
}

export function readIndex(a: Ast & { k: 'index' }, ctx: ExprContext): Expr {
  if (a.column) return stackedColumn(a, ctx);
  // h[t], x[t-1]: brackets right on a sequence written with no step hold its step, as h_t (code and some sheets)
  // (and c̄[t], the adjoint at that step)
  const n = a.a;
  if (n.k === 'name' && a.args.length === 1 && bracketTimed(n, ctx)) return readExpression({ ...n, sub: a.args[0]!, range: a.range }, ctx);
  // Sherstinsky's s^T[n−1]: the transpose written before the step, of s at that step
  if (n.k === 'transpose' && n.a.k === 'name' && a.args.length === 1 && bracketTimed(n.a, ctx))
    return readExpression({ ...n, a: { ...n.a, sub: a.args[0]! }, range: a.range }, ctx);
  if (n.k === 'adjoint' && !n.a.sub && !n.a.sup && a.args.length === 1 && ctx.scope.isTimed(n.a.raw))
    return readExpression({ ...n, a: { ...n.a, sub: a.args[0]! }, range: a.range }, ctx);
  bracketActivation(a, ctx);
  const x = readExpression(a.a, ctx);
  if (a.slice) return readSlice(a, x, ctx);
  if (a.block) return readBlock(a, x, ctx);
  const stacked = x.shape?.length === 2 ? stackedProduct(a, ctx) : null;
  if (stacked) return readExpression(stacked, ctx);
  // (∂L/∂W_hh)_{\text{trunc}}: truncated BPTT's gradient, labelled, not an entry (it was "unknown name trunc")
  const arg = a.args.length === 1 ? a.args[0]! : null;
  if (arg?.k === 'name' && !arg.sub && !arg.sup && TRUNCATED.test(arg.raw) && !ctx.scope.isKnown(arg.raw) && !ctx.vars.has(arg.raw))
    fail(
      ctx,
      `(${exprText(x)})_{${arg.raw}} is a truncated gradient, which approximates ${exprText(x)}: the language has no notation for it (a truncated sum leaves terms out; check ${exprText(x)} = … with the window's bounds as numbers, Σ_{k=t−2}^{t}, to see what it leaves out)`,
      a.range,
      'truncated',
    );
  const pair = x.shape?.length === 2 && a.args.length === 1 ? runTogether(a.args[0]!, ctx) : null;
  if (pair && ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `(${exprText(x)})_{${pair.text}} is read as entry (${pair.text[0]}, ${pair.text[1]}) of ${exprText(x)}: (${exprText(x)})_{${pair.text[0]},${pair.text[1]}}`,
        a.range,
        'entry-pair',
      ),
    );
  const args = (pair ? pair.items : a.args).map((i) => readExpression(i, ctx));
  for (const i of args) if (i.shape && i.shape.length) fail(ctx, `an index must be a scalar`, i.range, 'shape-mismatch');
  const s = x.shape;
  if (s && s.length === 0) fail(ctx, `${describe(x)} is a scalar: it has no entries to index`, a.range, 'shape-mismatch');
  // one index on a row or a column (p_t[j] with p_t : 1×n, CS224n's rows): the entry of the vector it writes
  if (s && args.length === 1 && s.length === 2 && (s[0] === 1 || s[1] === 1)) return lineEntry(x, s, args[0]!, a.range, ctx, 'index');
  if (s && args.length !== s.length)
    fail(
      ctx,
      `${describe(x)} is a ${shapeText(s)}: index it with ${s.length === 1 ? 'one number, v[i]' : 'two numbers, M[i, j]'}`,
      a.range,
      'shape-mismatch',
    );
  if (args.length > 2) fail(ctx, 'at most two indices', a.range, 'shape-mismatch');
  args.forEach((i, n) => {
    if (s && i.k === 'num' && (!Number.isInteger(i.value) || i.value < 1 || i.value > s[n]!))
      fail(ctx, `index ${i.value} is outside 1..${s[n]}`, i.range, 'index');
  });
  return { k: 'index', a: x, i: args[0]!, j: args[1] ?? null, shape: [], range: a.range };
}

/**
 * a[i:j] (a[i..j]): the vector of entries i to j of a vector, 1-based with both ends included as v[i] is (CS231n's a_i,
 * the first H entries of the stacked gates: a_t[1:3]); Python's a[:j] and a[0:j] are the first j. Read as the vector
 * [a[i], …, a[j]], so it is differentiated and printed as its entries are; an information says how it was read.
 */
function readSlice(a: Ast & { k: 'index' }, x: Expr, ctx: ExprContext): Expr {
  const [from, to] = a.args.map((i) => readExpression(i, ctx)) as [Expr, Expr];
  const s = x.shape;
  if (s && s.length !== 1)
    fail(ctx, `a[i:j] takes entries of a vector, and ${describe(x)} is a ${shapeText(s)}`, a.range, 'shape-mismatch');
  for (const b of [from, to])
    if (b.k !== 'num' || !Number.isInteger(b.value))
      fail(ctx, `the bounds of a[i:j] are whole numbers (entries i to j, 1-based, both included)`, b.range, 'index');
  const python = (from as Expr & { k: 'num' }).value === 0;
  const i = python ? 1 : (from as Expr & { k: 'num' }).value;
  const j = (to as Expr & { k: 'num' }).value;
  const n = s ? s[0]! : j;
  if (i < 1 || j < i || j > n) fail(ctx, `the entries ${i} to ${j} are not within 1..${n}`, a.range, 'index');
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(x)}[${python ? ':' : `${i}:`}${j}] is read as entries ${i} to ${j} of ${exprText(x)} (1-based, both ends included, as v[i] is${python ? "; Python's a[:j] is the first j" : ''})`,
        a.range,
        'slice',
      ),
    );
  const items: Expr[] = [];
  for (let k = i; k <= j; k++)
    items.push({ k: 'index', a: x, i: { k: 'num', value: k, shape: [], range: a.range }, j: null, shape: [], range: a.range });
  return { k: 'vec', items, shape: [items.length], range: a.range };
}

/**
 * M[i:j, k:l] (numpy's W[:, :2], the block of a weight that multiplies h_{t−1} in a stacked [h_{t−1}; x_t]): rows i to
 * j and columns k to l, 1-based with both ends included as a[i:j] is, `:` all of them, `:j` the first j. A block of one
 * column is that column, a vector; of one row, the row (1×n). Read entry by entry, as a slice is; an information says how.
 */
function readBlock(a: Ast & { k: 'index' }, x: Expr, ctx: ExprContext): Expr {
  const s = x.shape;
  // a notebook's (1 − h²)[:, None] * W: NumPy's new axis, a column broadcast over W's columns — the rows of W scaled
  if (s && s.length === 1 && a.args.some((i) => i.k === 'name' && i.raw === 'None'))
    fail(
      ctx,
      `${/\s/.test(exprText(x)) ? `(${exprText(x)})` : exprText(x)}[:, None] is NumPy's new axis (a column broadcast across a matrix), which is not read: the rows of M scaled by it are diag(${exprText(x)}) M`,
      a.range,
      'shape-mismatch',
    );
  if (s && s.length !== 2)
    fail(
      ctx,
      `M[rows, columns] with a range takes a block of a matrix, and ${describe(x)} is a ${shapeText(s)}`,
      a.range,
      'shape-mismatch',
    );
  const bounds = a.args.map((i) => readExpression(i, ctx));
  for (const b of bounds)
    if (b.k !== 'num' || !Number.isInteger(b.value))
      fail(ctx, `the bounds of a block M[i:j, k:l] are whole numbers (1-based, both ends included)`, b.range, 'index');
  const v = bounds.map((b) => (b as Expr & { k: 'num' }).value);
  const place = (from: number, to: number, n: number, what: string): [number, number] => {
    const i = from === 0 ? 1 : from;
    const j = to === -1 ? n : to;
    if (i < 1 || j < i || j > n) fail(ctx, `the ${what} ${i} to ${j} are not within 1..${n}`, a.range, 'index');
    return [i, j];
  };
  const [r0, r1] = place(v[0]!, v[1]!, s ? s[0]! : v[1]!, 'rows');
  const [c0, c1] = place(v[2]!, v[3]!, s ? s[1]! : v[3]!, 'columns');
  const entry = (i: number, j: number): Expr => ({
    k: 'index',
    a: x,
    i: { k: 'num', value: i, shape: [], range: a.range },
    j: { k: 'num', value: j, shape: [], range: a.range },
    shape: [],
    range: a.range,
  });
  const rows: Expr[][] = [];
  for (let i = r0; i <= r1; i++) {
    const row: Expr[] = [];
    for (let j = c0; j <= c1; j++) row.push(entry(i, j));
    rows.push(row);
  }
  const size = `${r1 - r0 + 1}×${c1 - c0 + 1}`;
  const spec = (from: number, to: number) => (from === to ? `${from}` : `${from === 0 ? '' : from}:${to === -1 ? '' : to}`);
  const written = `${exprText(x)}[${spec(v[0]!, v[1]!)}, ${spec(v[2]!, v[3]!)}]`;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${written} is read as rows ${r0} to ${r1} and columns ${c0} to ${c1} of ${exprText(x)}, a ${size} block (1-based, both ends included, as v[i] is; \`:\` is all of them, \`:j\` the first j)`,
        a.range,
        'slice',
      ),
    );
  if (c0 === c1) return { k: 'vec', items: rows.map((r) => r[0]!), shape: [rows.length], range: a.range };
  return { k: 'mat', rows, shape: [rows.length, c1 - c0 + 1], range: a.range };
}

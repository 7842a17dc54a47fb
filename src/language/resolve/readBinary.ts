// A binary expression (a + b, a b, a ⊙ b, a ⊗ b, x^y, a / b): its operands read and combined by their shapes, with the
// readings that rescue a product as written (a joined accented name, a regrouped ⊙, a basis vector, the identity).

import type { Ast } from '../ast';
import { span } from '../ast';
import { diag } from '../diagnostics';
import type { Expr, Shape } from '../model';
import { exprText } from '../print';
import { firstSegment } from '../segments';
import { elementwiseShape, matmulShape, productKind, shapeText } from '../shapes';
import { heaviside, unnamedActivation } from './activationForms';
import { biasRows } from './batchBias';
import { chainInnerProduct } from './chainProduct';
import type { ExprContext } from './context';
import { Abandoned, fail, quietly } from './context';
import { power, readExpression } from './expressions';
import {
  fitsProduct,
  gradientColumn,
  gradientColumns,
  gradientRows,
  isGradientTransposed,
  isRow,
  mixedLayouts,
  rowBesideVector,
} from './gradientLayout';
import { basisOperands, identityOperands, sizeOnes } from './identityTerms';
import { exchanged, flipped, productHint, transposedTensor } from './productHints';
import { rowGradientColumn } from './rowGradient';
import { bareStep, superscriptName } from './superscripts';
import { operands } from './text';
import { isBareD, slashD, uprightD } from './writtenD';

export function readBinary(a: Ast & { k: 'bin' }, ctx: ExprContext): Expr {
  // e^{x} where the file defines no e: Euler's number, exp(x) (σ(z) = 1/(1 + e^{-z}) as sheets write it)
  if (a.op === '^' && a.a.k === 'name' && a.a.raw === 'e' && !a.a.sub && !a.a.sup && !ctx.scope.isKnown('e') && !ctx.vars.has('e'))
    return readExpression({ k: 'call', fn: 'exp', arg: a.b, range: a.range, fnRange: a.a.range }, ctx);
  const named = a.op === '^' ? (superscriptName(a, ctx) ?? bareStep(a, ctx)) : null;
  if (named) return readExpression(named, ctx);
  const step = a.op === 'juxt' ? heaviside(a, ctx) : null;
  if (step) return readExpression(step, ctx);
  if (a.op === 'juxt') unnamedActivation(a, ctx);
  const upright = a.op === 'juxt' ? (slashD(a, ctx) ?? uprightD(a, ctx)) : null;
  if (upright) return readExpression(upright, ctx);
  const joined = a.op === 'juxt' ? joinAccented(a, ctx) : null;
  if (joined) return readExpression(joined, ctx);
  const regrouped = a.op === 'juxt' || a.op === '*' ? productFirst(a, ctx) : null;
  if (regrouped) return readExpression(regrouped, ctx);
  if (a.op === 'juxt' || a.op === '*') transposedTensor(a, ctx);
  // no array per operation (made and destructured three times at every sum and product): a pair only where a rule applies
  const pair = basisOperands(a, ctx) ?? identityOperands(a, ctx);
  let x = pair ? pair[0] : readExpression(a.a, ctx);
  let y = pair ? pair[1] : readExpression(a.b, ctx);
  const sized = a.op === '*' || a.op === 'juxt' || a.op === '@' ? sizeOnes(a.a, x, a.b, y) : null;
  const rows = a.op === '⊙' || a.op === '+' || a.op === '-' ? gradientRows(x, y, ctx) : null;
  const moved = sized ?? rows;
  if (moved) [x, y] = moved;
  switch (a.op) {
    case '+':
    case '-': {
      let s = elementwiseShape(x.shape, y.shape);
      // a bias row added to a mini-batch's rows (batchBias.ts)
      const spread = s === false ? biasRows(x, y, a, ctx) : null;
      if (spread) [x, y, s] = [...spread, elementwiseShape(spread[0].shape, spread[1].shape)];
      if (s === false)
        fail(
          ctx,
          `shape mismatch: cannot ${a.op === '+' ? 'add' : 'subtract'} ${operands(x, y)}${mixedLayouts(x, y, ctx)}`,
          a.range,
          'shape-mismatch',
        );
      return { k: a.op === '+' ? 'add' : 'sub', a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '⊙': {
      // Mikolov's e_h(t) = d_h(e_o(t)ᵀ V, t), d_h(x, t) = x s(t)(1 − s(t)): a 1×n row ⊙ a vector of n, entry by entry,
      // the vector read as the row it stands beside (the row is compared with a vector side entry by entry)
      const asRow = rowBesideVector(x, y, ctx) ?? rowBesideVector(y, x, ctx);
      if (asRow) [x, y] = x.shape?.length === 1 ? [asRow, y] : [x, asRow];
      const s = elementwiseShape(x.shape, y.shape);
      // a notebook's (1 .- h.^2) .* U (Julia's broadcast, NumPy's v[:, None] * U): a vector of n beside a matrix of n
      // rows scales each row, diag(v) U — the only product the two shapes allow (it was "⊙ needs equal shapes")
      if (s === false && x.shape?.length === 1 && y.shape?.length === 2 && x.shape[0] === y.shape[0]) {
        const d: Expr = { k: 'call', fn: 'diag', arg: x, shape: [x.shape[0]!, x.shape[0]!], range: x.range };
        return { k: 'matmul', a: d, b: y, shape: y.shape, range: a.range };
      }
      if (s === false) fail(ctx, `shape mismatch: ⊙ needs equal shapes, not ${operands(x, y)}`, a.range, 'shape-mismatch');
      const k = (x.shape && x.shape.length === 0) || (y.shape && y.shape.length === 0) ? 'mul' : 'hadamard';
      return { k, a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '@': {
      const s = x.shape && y.shape ? matmulShape(x.shape, y.shape) : null;
      if (x.shape && y.shape && !s)
        fail(ctx, `shape mismatch: cannot form the matrix product of ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: 'matmul', a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '*':
    case 'juxt': {
      // ∂L/∂h_t · ∂h_t/∂w through a vector h_t: the chain rule's row times column (chainProduct.ts)
      const chain = chainInnerProduct(x, y, a.range);
      if (chain) return chain;
      // u_tᵀ w while shapes are inferred, u_t's not known yet (Mandic & Chambers' u(k) = [s(k−1), 1, y(k−1)] reads
      // y, whose shape this very product decides): a row times a column is one number — it was taken as w's shape,
      // y a vector of 3, and u a concatenation of 5
      let r =
        x.k === 'transpose' && x.shape === null && y.shape?.length === 1
          ? { kind: 'matmul' as const, shape: [] }
          : productKind(x.shape, y.shape);
      // (∂L/∂h_t)ᵀ with no reading as a row: the column a numerator-layout gradient's transpose is (below). Beside
      // another row of its size, (∂L/∂h_t)ᵀ h_{t-1}ᵀ, the row would read as the entrywise product of two rows, which
      // no one writes side by side; the column times that row is the outer product (∂L/∂W in numerator layout)
      if (!r || (r.kind === 'hadamard' && isGradientTransposed(x) && isRow(y))) {
        const col = r ? [gradientColumn(x as Expr & { k: 'transpose' }, ctx), y] : gradientColumns(x, y, fitsProduct, ctx);
        if (col) [x, y] = col;
        else if (!r) y = rowGradientColumn(x, y, ctx) ?? y;
        r = productKind(x.shape, y.shape);
      }
      if (!r) {
        const why = productHint(x, y, ctx.scope.checkLeft);
        const swap = why ? null : exchanged(x, y, a.range);
        const message = `shape mismatch: cannot multiply ${operands(x, y)}${why?.text ?? (swap ? `; in the other order, ${exprText(swap.read)} (${shapeText(swap.read.shape!)}) fits (the factors exchanged?)` : '')}`;
        // in a check's side, a named operand whose transpose (or the operand under a ᵀ too many) forms the product:
        // the error is said, and the side is read so mended, so the check can say whether that was the only mistake
        // (or, CS231n's dWx = xᵀ dtanh written dtanh xᵀ, the product that forms only in the other order)
        const mend = ctx.scope.mends && !ctx.quiet ? (flipped(x, y) ?? swap) : null;
        if (!mend) fail(ctx, message, a.range, 'shape-mismatch', why?.fix);
        ctx.scope.error(message, a.range, 'shape-mismatch', why?.fix);
        ctx.scope.mends!.push({ message, written: exprText(mend.written), read: exprText(mend.read) });
        [x, y] = mend.operands;
        r = productKind(x.shape, y.shape)!;
      }
      return { k: r.kind, a: x, b: y, shape: r.shape as Shape, range: a.range };
    }
    case '/': {
      // elementwise with a scalar on either side (1/ŷ divides 1 by each entry)
      const s = elementwiseShape(x.shape, y.shape);
      if (s === false) fail(ctx, `shape mismatch: cannot divide ${operands(x, y)}`, a.range, 'shape-mismatch');
      return { k: 'div', a: x, b: y, shape: s as Shape, range: a.range };
    }
    case '^':
      return power(x, y, a.b.range, a.range, ctx);
  }
}

/**
 * deeplearning.ai's dp\widetilde{c}^{⟨t⟩}: LaTeX sets the accent on its letter only, so the lexer reads the name
 * dp and the name c̃ side by side, where the file defines pc̃ (written as one word). An unknown name right against
 * an accented one, whose joined spelling the file defines (or a code gradient dX of it), is that one name; the
 * product it would be has an unknown factor, so nothing that read before changes. Null when it does not apply.
 */
function joinAccented(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const left = a.a.k === 'bin' && a.a.op === 'juxt' ? a.a.b : a.a;
  const b = a.b;
  if (left.k !== 'name' || b.k !== 'name' || left.sub || left.sup || left.args || b.args) return null;
  // the two names touching (a range compared) before the regular expression
  const r = left.range;
  if (r.endLine !== b.range.line || r.endColumn !== b.range.column || !/\p{M}/u.test(b.raw)) return null;
  const scope = ctx.scope;
  if (scope.isKnown(left.raw) || ctx.vars.has(left.raw)) return null;
  const raw = left.raw + b.raw;
  const base = firstSegment(raw);
  const known = (n: string) => scope.isKnown(n) || scope.isKnown(firstSegment(n));
  // d\tilde{c}_t where the file defines no c̃: the gradient dX of an unknown name, which is what to say (it was
  // "unknown name d"); the name read alone says it, as \tilde{c}_t does — only when it does not read
  const unread = !known(raw) && isBareD(left, ctx) && !reads(b, ctx);
  if (!unread && !known(raw) && !(raw[0] === 'd' && known(base.slice(1)))) return null;
  const name: Ast = unread ? b : { ...b, raw, range: span(r, b.range), nameRange: span(left.nameRange, b.nameRange) };
  return a.a === left ? name : { ...a, b: name, a: (a.a as Ast & { k: 'bin' }).a };
}

/** whether a reads (quietly, nothing recorded) */
export function reads(a: Ast, ctx: ExprContext): boolean {
  try {
    readExpression(a, quietly(ctx));
    return true;
  } catch (err) {
    if (err instanceof Abandoned) return false;
    throw err;
  }
}

/** the shapes of expressions read quietly, or null when one does not read or its shape is not known yet */
function quietShapes(items: Ast[], ctx: ExprContext): Shape[] | null {
  const quiet = quietly(ctx);
  const out: Shape[] = [];
  for (const i of items) {
    try {
      const s = readExpression(i, quiet).shape;
      if (!s) return null;
      out.push(s);
    } catch (err) {
      if (err instanceof Abandoned) return null;
      throw err;
    }
  }
  return out;
}

/**
 * SLP3's δ_h = g'(z) ∘ Uᵀ δ: a ⊙ b c, which the parser groups (a ⊙ b) c, where a ⊙ b has no reading (a vector ⊙ a
 * matrix) and a ⊙ (b c) has one: that grouping, with a note. Whatever reads as written is left alone.
 */
function productFirst(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const h = a.a;
  if (h.k !== 'bin' || h.op !== '⊙') return null;
  const shapes = quietShapes([h.a, h.b, a.b], ctx);
  if (!shapes) return null;
  const [p, q, r] = shapes as [Shape, Shape, Shape];
  if (elementwiseShape(p, q) !== false) return null;
  const qr = productKind(q, r);
  if (!qr || elementwiseShape(p, qr.shape as Shape) === false) return null;
  const product: Ast = { k: 'bin', op: a.op, a: h.b, b: a.b, range: span(h.b.range, a.b.range) };
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `the product after ⊙ is taken first, as the shapes need (a ${shapeText(p)} ⊙ a ${shapeText(qr.shape as Shape)}): ${exprText(readExpression(h.b, quietly(ctx)))} times what follows it`,
        product.range,
        'product-first',
      ),
    );
  return { k: 'bin', op: '⊙', a: h.a, b: product, range: a.range };
}

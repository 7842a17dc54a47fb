// Σ and ∏ read into Exprs: their bounds and ranges (an empty one, one past the sequence's steps), the sizes an index
// variable picks entries of.

import type { Ast } from '../ast';
import { someAst, span } from '../ast';
import { diag } from '../diagnostics';
import { bareStepSum } from './bareSum';
import { idxValue } from '../idx';
import { LIMITS } from '../limits';
import type { Expr, Idx, Shape } from '../model';
import { exprText } from '../print';
import { shapeText } from '../shapes';
import { backwardChain, gradientInBody } from './chainOrder';
import type { ExprContext } from './context';
import { fail, withVars } from './context';
import { readExpression } from './expressions';
import { timeIndexOf } from './names';
import { LENGTH_LOWER_N, LENGTH_N } from './timeIndex';
import { commonChild, commonChildCount, forChildren, mentionedVars } from './walk';

export function readBig(a: Ast & { k: 'big' }, ctx: ExprContext): Expr {
  // Skansi's E = ½ Σ (t − y)²: a Σ over sequences written bare (bareSum.ts)
  const overSteps = bareStepSum(a, ctx);
  if (overSteps) return overSteps;
  const v = a.v ?? 't';
  if (ctx.vars.has(v) && v !== 't') fail(ctx, `${v} is already bound by an outer Σ/∏`, a.vRange ?? a.range, 'index');
  const body = readExpression(a.body, withVars(ctx, v));
  // E = Σ (p^{(T)} − d)²: a Σ with no index and no bounds over a term that reads no step would add T copies of it
  // (a silent factor T); the sum of its entries is meant, as sum(…) writes it
  if (a.op === 'sum' && !a.v && !a.from && !a.to && !mentionedVars(body).has('t')) {
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `this Σ has no index and its term reads no step: read as the sum of its entries, sum(…); a sum over the steps is written Σ_t with a term at step t`,
          a.range,
          'reading',
        ),
      );
    return { k: 'call', fn: 'sum', arg: body, shape: [], range: a.range };
  }
  if (v === 't' && ctx.of !== null && ctx.vars.has('t') && !a.from && !a.to && ctx.record) {
    // inside NAME_t = …, Σ_t runs over every step and hides the equation's own t (LANGUAGE.md §6)
    ctx.scope.diagnostics.push(
      diag(
        'warning',
        `this Σ runs over every step 1..T and hides this equation's own t; to add the entries of a vector write sum(…)`,
        a.range,
        'hidden-t',
      ),
    );
  }
  const from: Idx = a.from ? timeIndexOf(a.from, ctx) : { v: null, k: 1 };
  // deeplearning.ai's Σ_{batch}: a word for an index, with no bounds, that nothing in the sum uses (it was the sum of T
  // copies, a silent factor T)
  if (a.op === 'sum' && v.length > 1 && !a.from && !a.to && !mentionedVars(body).has(v))
    fail(
      ctx,
      `Σ_{${v}}: ${v} is no index of anything in the sum (a sum over the examples of a batch? the network is run for one example) — drop the Σ, or sum over the steps with Σ_t`,
      a.vRange ?? a.range,
      'index',
    );
  // with no upper bound, Σ_j over an entry index runs over the entries it picks, else over the steps 1..T
  let to: Idx = { v: null, k: ctx.scope.T };
  const count = entryCount(a, v, body, ctx);
  if (count !== null) to = { v: null, k: count };
  else if (a.to) to = timeIndexOf(a.to, ctx);
  else if (v !== 't') {
    let sizes = entrySizes(body, v);
    // Σ_{l ∈ U} w_kl δ_l over the units, w's columns the units' and then the inputs' (Williams & Zipser's x = (y, u))
    const picked: { size: number; entry: Expr }[] = [];
    if (sizes.size > 1 && a.overSet) entrySizes(body, v, picked);
    const units = picked.length ? unitColumns(picked, sizes) : null;
    if (units !== null) sizes = new Set([units]);
    if (sizes.size > 1)
      fail(ctx, `${v} picks entries of different sizes (${[...sizes].join(' and ')}): give Σ its bounds`, a.vRange ?? a.range, 'index');
    if (sizes.size === 1) to = { v: null, k: [...sizes][0]! };
  }
  sumRangeLimit(a, v, from, to, ctx);
  if (a.from && a.to && from.v === null && to.v === null && from.k > to.k && ctx.record && !ctx.quiet) emptyRange(a, v, from.k, to.k, ctx);
  const s = body.shape;
  if (a.op === 'prod' && s && s.length === 2 && s[0] !== s[1])
    fail(ctx, `∏ needs square matrices, not a ${shapeText(s)}`, a.range, 'shape-mismatch');
  if (a.op === 'prod' && s && s.length === 1) {
    // the body ran on to the gradient the ∏ multiplies (the ∏ reaches to the end of the product it opens)
    const g = gradientInBody(v, body);
    if (g)
      fail(
        ctx,
        `∏ of vectors is not defined: its body runs on to ${exprText(g.tail)}, which does not change with ${v} (a ∏ reaches to the end of the product it opens); write the gradient first, ${exprText(g.tail)} ∏ ${exprText(g.head)}, as numerator layout orders it (a gradient row multiplies the Jacobians from the left)`,
        a.range,
        'shape-mismatch',
      );
    // Britz's ∏_{j=k+1}^{3} (1 − s_j²) W: a vector (a row) times a matrix, a Jacobian with its diag left out
    if (body.k === 'contract' && body.a.shape.length === 1 && body.b.shape.length === 2)
      fail(
        ctx,
        `∏ of vectors is not defined: its factor ${exprText(body)} is a vector times a matrix, a vector: the Jacobian of an elementwise function is written with diag, diag(${exprText(body.a)}) ${exprText(body.b)}`,
        a.range,
        'shape-mismatch',
        { diag: exprText(body.a) },
      );
    // Bradbury et al.'s ∏_{s=t+1}^{T} f_s (diag of it: the fo-pooled cell's Jacobian across steps): vectors of one shape
    // multiply entry by entry, as two written side by side do (LANGUAGE.md §4); the empty ∏ is the vector of ones
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `∏ of vectors is read entry by entry (⊙), as two vectors of one size side by side are; its empty product is a vector of ones`,
          a.range,
          'vector-product',
        ),
      );
  }
  const out: Expr = { k: a.op, v, from, to, body, shape: s as Shape, range: a.range, ...(a.desc && a.op === 'prod' ? { desc: true } : {}) };
  // a hand-written chain of a backward recurrence's Jacobians multiplies in the order the chain runs (chainOrder.ts)
  if (a.op === 'prod' && backwardChain(v, body, ctx.scope.quantities)) out.earlier = true;
  return out;
}

/** ∏_{j=3}^{2}, Σ_{j=T}^{2}: bounds written from the top down make an empty Σ/∏ (0, or 1: the identity) — said, as it is rarely meant */
function emptyRange(a: Ast & { k: 'big' }, v: string, from: number, to: number, ctx: ExprContext): void {
  const [sign, empty] = a.op === 'sum' ? ['Σ', '0'] : ['∏', '1 (the identity)'];
  ctx.scope.diagnostics.push(
    diag(
      'information',
      `${sign}_{${v}=${from}}^{${to}} is empty (its lower bound ${from} is above its upper bound ${to}), so it is ${empty}: over ${v} = ${to}..${from} it is written ${sign}_{${v}=${to}}^{${from}}`,
      a.range,
      'empty-range',
    ),
  );
}

/**
 * A Σ/∏ with numbers for bounds runs over at most LIMITS.maxSumTerms values (a range of steps has at most
 * T + 2, one of entries at most a shape's 4,096): Σ_{i=1}^{100000000} is an error naming its range and the
 * limit at its bounds, not an analysis that spends every later question's operations (LANGUAGE.md §6).
 */
function sumRangeLimit(a: Ast & { k: 'big' }, v: string, from: Idx, to: Idx, ctx: ExprContext): void {
  const lo = idxValue(from, {});
  const hi = idxValue(to, {});
  if (lo === undefined || hi === undefined || hi - lo + 1 <= LIMITS.maxSumTerms) return;
  const sign = a.op === 'prod' ? '∏' : 'Σ';
  const where = a.from && a.to ? span(a.from.range, a.to.range) : ((a.to ?? a.from)?.range ?? a.range);
  const n = (hi - lo + 1).toLocaleString('en');
  fail(
    ctx,
    `this ${sign} runs over ${n} values (${v} = ${lo}..${hi}), more than ${LIMITS.maxSumTerms.toLocaleString('en')} (limit)`,
    where,
    'limit',
  );
}

/**
 * Σ_{j=1}^{n} in a question, with n a letter the network does not define and nothing else binds, and j picking
 * entries of one size N: n is the number of entries (a sheet's "n neurons"), so the sum runs to N — said in an
 * information diagnostic. Otherwise null (n would be a free step index, and j's entries past it never summed).
 * Bishop's N (a bare N the file does not define, read as the last step where a Σ/∏ runs up to it: tauStep.ts
 * sumsToN) is such a count too where the variable picks entries (Σ_{i=1}^{N} ∂L/∂z_{t,i} …, N the vector's size);
 * entries of different sizes leave no reading of N, an error that says so.
 */
export function entryCount(a: Ast & { k: 'big' }, v: string, body: Expr, ctx: ExprContext): number | null {
  const b = a.to;
  if (!b || v === 't' || b.k !== 'name' || b.sub || b.sup) return null;
  const bishopN = (b.raw === 'N' && ctx.vars.has(LENGTH_N)) || (b.raw === 'n' && ctx.vars.has(LENGTH_LOWER_N));
  // Ba et al.'s H = 3 named in the network, the number of hidden units: a bound that is the number of entries
  const q = bishopN || ctx.free?.has(b.raw) ? null : ctx.scope.quantities.get(b.raw);
  const named = q && !q.timed && q.general?.k === 'num' && Number.isInteger(q.general.value) ? q.general.value : null;
  if (!bishopN && !ctx.free?.has(b.raw) && named === null) return null;
  const sizes = entrySizes(body, v);
  if (named !== null) {
    if (sizes.size !== 1 || [...sizes][0] !== named) return null;
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag('information', `the bound ${b.raw} = ${named} is the number of entries ${v} runs over`, b.range, 'entry-count'),
      );
    return named;
  }
  if (bishopN && sizes.size > 1)
    fail(
      ctx,
      `the bound ${b.raw} is read as the number of entries ${v} runs over, but ${v} picks entries of different sizes (${[...sizes].join(' and ')}): write the bound as a number`,
      b.range,
      'index',
    );
  // Graves's Σ_{c=1}^{C} h(s_c^t) ε_c^t over the cells of a block, c written only as the segment of names the file
  // defines (s_c, ε_c): the network's one cell so named, C = 1 (it was a free step, "fails at C = 2": twice the term)
  if (!sizes.size && !bishopN && someAst(a.body, (x) => x.k === 'name' && x.raw.endsWith(`_${v}`) && namedByFile(x.raw, ctx))) {
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `the bound ${b.raw} is read as the number of units ${v} runs over: ${v} is written only in the names the file defines with it (one unit each), so ${b.raw} = 1`,
          b.range,
          'entry-count',
        ),
      );
    return 1;
  }
  if (sizes.size !== 1) return null;
  const n = [...sizes][0]!;
  // the same letter elsewhere in the check (Ba et al.'s 1/H before Σ_{i=1}^{H}) is that number too (questions.ts)
  if (!bishopN) (ctx.scope.entryCounts ??= new Map()).set(b.raw, n);
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag('information', `the bound ${b.raw} is read as the number of entries ${v} runs over (${n})`, b.range, 'entry-count'),
    );
  return n;
}

/** a name the file defines, declares or names by a derivative (s_c, ε_c of Graves's LSTM) */
function namedByFile(raw: string, ctx: ExprContext): boolean {
  return ctx.scope.isKnown(raw) || ctx.scope.derived.has(raw) || ctx.scope.decls.has(raw);
}

/**
 * Williams & Zipser index the units and the external inputs in one set, x = (y, u) with the units first, so that w_lk
 * with k a unit is the unit's own column of a weight matrix wider than the units: where an index picks entries of
 * several sizes, the smallest picked by a vector (a unit's value) and every larger one by a matrix's entry, the
 * units' number; null otherwise (a vector of each size: Σ_t (ŷ_t[j] − y_t[j]) x_t[j] stays refused)
 */
export function unitColumns(uses: { size: number; entry: Expr }[], sizes: Set<number>): number | null {
  const n = Math.min(...sizes);
  const matrixEntry = (x: Expr) => x.k === 'index' && x.a.shape?.length === 2;
  if (!uses.some((u) => u.size === n && !matrixEntry(u.entry))) return null;
  return uses.every((u) => u.size === n || matrixEntry(u.entry)) ? n : null;
}

/**
 * the sizes of the dimensions an index variable picks entries of (v[i] of a vector of 3 → 3); `uses`, when given,
 * collects each entry picked with its size (what a message names when the sizes differ)
 */
export function entrySizes(e: Expr, v: string, uses?: { size: number; entry: Expr }[]): Set<number> {
  const sizes = new Set<number>();
  const isV = (x: Expr | null) => x !== null && x.k === 'var' && x.idx.v === v && !x.idx.terms && x.idx.k === 0;
  const picked = (size: number, entry: Expr) => {
    sizes.add(size);
    uses?.push({ size, entry });
  };
  const go = (x: Expr): void => {
    // the common kinds recursed on here, in forChildren's order (walk.ts, BINARY_KINDS): every free index of every check asks
    switch (x.k) {
      case 'index':
        if (x.a.shape) {
          if (isV(x.i)) picked(x.a.shape[0]!, x);
          if (isV(x.j)) picked(x.a.shape[1]!, x);
        }
        go(x.a);
        go(x.i);
        if (x.j) go(x.j);
        return;
      case 'sum':
      case 'prod':
        if (x.v !== v) go(x.body);
        return;
      case 'deriv':
        go(x.of);
        return;
      case 'num':
      case 'var':
      case 'ref':
        return;
      default: {
        const n = commonChildCount(x);
        if (n < 0) forChildren(x, go);
        else for (let i = 0; i < n; i++) go(commonChild(x, i));
      }
    }
  };
  go(e);
  return sizes;
}

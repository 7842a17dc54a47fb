// Right sides and question sides: Ast → Expr with shapes (LANGUAGE.md §4).

import type { Range, TransposeFix } from '../../report';
import { someAst, span, type Ast, type NameAst } from '../ast';
import { diag } from '../diagnostics';
import { exprText } from '../print';
import { idxValue } from '../idx';
import { LIMITS } from '../limits';
import type { Expr, Idx, Shape } from '../model';
import {
  elementwiseShape,
  isLine,
  matmulShape,
  norm,
  NOT_KNOWN_YET,
  productKind,
  shapeText,
  transposeShape,
  type MaybeShape,
} from '../shapes';
import { Abandoned, fail, quietly, withVars, type ExprContext } from './context';
import { markedAdjoint, readAdjoint, readDerivative } from './calculus';
import { chained, chainInnerProduct } from './chainProduct';
import { basisPlace, basisSize, basisVector } from './basis';
import { readCall } from './functions';
import { deltaIsNotDerivative, deltaOfParameter } from './gradientNames';
import { bareIdentity } from './identityMatrix';
import { lineEntry } from './nameEntries';
import { readName, timeIndexOf } from './names';
import { LENGTH_LOWER_N, LENGTH_N, tryTimeIndex } from './timeIndex';
import { commonChild, commonChildCount, forChildren, hasDeriv, mentionedVars } from './walk';
import { describe, operands, refWritten } from './text';
import { backwardChain, gradientInBody } from './chainOrder';
import { firstSegment } from '../segments';
import { rowGradientColumn } from './rowGradient';

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

function readLiteral(a: Ast & { k: 'list' }, ctx: ExprContext): Expr {
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
function concatenation(items: Expr[], range: Range, ctx: ExprContext, sep: string): Expr {
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

/** a bare `d` the file does not define, in a question: the d of a gradient's name */
function isBareD(a: Ast, ctx: ExprContext): boolean {
  return a.k === 'name' && a.raw === 'd' && !a.sub && !a.sup && !a.args && ctx.allowDeriv && !ctx.scope.isKnown('d') && !ctx.vars.has('d');
}

/**
 * `\mathrm{d}y_t` (an upright d set apart by its font), `d y_t` after a factor: the gradient named dy_t, as
 * `dy_t` reads (min-char-rnn's dy; session 16: "unknown name d"). The product with d joined to the name, or null.
 */
function uprightD(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const b = a.b;
  if (b.k !== 'name' || b.args) return null;
  // a d found first (a few tests, no lookup; rarely there), then whether the file knows the name it is joined to
  const joined = isBareD(a.a, ctx) ? joinedD(a.a, b) : lastD(a.a, b, ctx);
  return joined && (ctx.scope.isKnown(b.raw) || ctx.scope.isKnown(firstSegment(b.raw))) ? joined : null;
}

/** the name b with the d before it joined (uprightD) */
function joinedD(d: Ast, b: NameAst): Ast {
  return { ...b, raw: 'd' + b.raw, range: span(d.range, b.range), nameRange: span(d.range, b.nameRange) };
}

/**
 * W^T \mathrm{d}y_t, (1 − h²) ⊙ \mathrm{d}h_{t+1}: the d is the last factor of the product so far (uprightD; a function
 * of its own, not two closures at each product read)
 */
function lastD(x: Ast, b: NameAst, ctx: ExprContext): Ast | null {
  if (x.k !== 'bin' || !(x.op === 'juxt' || x.op === '*' || x.op === '⊙' || x.op === '@')) return null;
  if (isBareD(x.b, ctx)) return { ...x, b: joinedD(x.b, b), range: span(x.range, b.range) };
  const inner = lastD(x.b, b, ctx);
  return inner && { ...x, b: inner, range: span(x.range, b.range) };
}

/**
 * `\mathrm{d}L/\mathrm{d}W`, `d L / d W`: an upright (or spaced) d over and under the slash is the derivative, as
 * the glued `dL/dW` and `\frac{\mathrm{d}L}{\mathrm{d}W}` read (it was the gradient dL divided by an unknown d). The
 * parser groups it ((d L) / d) W, or ((P d) L / d) W after a factor P: the derivative, or P times it; else null.
 */
function slashD(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const q = a.a;
  if (q.k !== 'bin' || q.op !== '/' || !isBareD(q.b, ctx)) return null;
  // the numerator's factors, left to right (a product groups to the left), each with the operator before it
  const factors: { op: string | null; x: Ast }[] = [];
  const flatten = (e: Ast): void => {
    if (e.k === 'bin' && (e.op === 'juxt' || e.op === '*')) {
      flatten(e.a);
      factors.push({ op: e.op, x: e.b });
    } else factors.push({ op: null, x: e });
  };
  flatten(q.a);
  const n = factors.length;
  if (n < 2 || !isBareD(factors[n - 2]!.x, ctx) || factors[n - 1]!.op !== 'juxt') return null;
  const deriv: Ast = { k: 'deriv', plus: false, of: factors[n - 1]!.x, wrt: a.b, range: span(factors[n - 2]!.x.range, a.b.range) };
  if (n === 2) return deriv;
  // what multiplies it: the factors before the d, with their operators, and the operator before the d
  let before = factors[0]!.x;
  for (let i = 1; i < n - 2; i++)
    before = { k: 'bin', op: factors[i]!.op as 'juxt', a: before, b: factors[i]!.x, range: span(before.range, factors[i]!.x.range) };
  return { k: 'bin', op: factors[n - 2]!.op as 'juxt', a: before, b: deriv, range: a.range };
}

/** a word over the objective's name that says it is the total (J^{total}, E^{tot}) */
const TOTAL = /^(?:total|tot)$/;

/**
 * W^{gx}, W^{hh} (Lipton et al. write a matrix's role as a superscript): the name W_gx the file defines, when it
 * defines no W — an information diagnostic says so. A power (W^2, h^{(t)}) or a bound letter is not touched.
 */
function superscriptName(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const [base, sup] = [a.a, a.b];
  if (base.k !== 'name' || sup.k !== 'name' || base.sub || base.sup || base.args || sup.sub || sup.sup || sup.args) return null;
  if (!/^\p{L}+$/u.test(sup.raw) || ctx.vars.has(sup.raw)) return null;
  const scope = ctx.scope;
  const joined = `${base.raw}_${sup.raw}`;
  // Williams & Zipser's J^{total}, the cost summed over the epoch, on the file's objective J: that objective
  // (J beside a sequence J_t is the objective's twin name, J#)
  const objective = scope.loss !== null && (base.raw === scope.loss || scope.twins.get(base.raw) === scope.loss);
  if (TOTAL.test(sup.raw) && objective && !scope.isKnown(joined) && !scope.isKnown(sup.raw)) {
    if (ctx.record && !ctx.quiet)
      scope.diagnostics.push(
        diag(
          'information',
          `${base.raw}^{${sup.raw}} is read as ${base.raw}, the objective (its total over the steps)`,
          a.range,
          'superscript-name',
        ),
      );
    return { ...base, range: a.range, nameRange: a.range };
  }
  if (scope.isKnown(base.raw) || ctx.vars.has(base.raw) || !scope.isKnown(joined)) return null;
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag('information', `${base.raw}^{${sup.raw}} is read as ${joined}, the name the file defines`, a.range, 'superscript-name'),
    );
  return { ...base, raw: joined, range: a.range, nameRange: a.range };
}

/**
 * h^t, s_c^{t-1}, a_j^{t+1} (Graves writes steps as bare superscripts): the step of a sequence, as h^{(t)} — when the
 * superscript is a step with a variable (t, a Σ/∏ index) on a name the file defines only as a sequence (no power of
 * a sequence with no step has a reading). h^2 and h_t^2 stay powers; ^T stays a transpose.
 */
export function bareStep(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  if (a.op !== '^') return null;
  const [base, sup] = [a.a, a.b];
  // ∂L/∂h^t is read by the parser as (∂L/∂h)^t: the step is the denominator's
  if (base.k === 'deriv' && base.wrt.k === 'name') {
    const wrt = bareStep({ ...a, a: base.wrt, range: span(base.wrt.range, sup.range) }, ctx);
    return wrt && { ...base, wrt, range: a.range };
  }
  // Greff et al.'s adjoint at a bare superscript step, \bar{y}^t, \bar{ō}^{t+1}: the adjoint of y^t
  if (base.k === 'adjoint' && !base.a.sub && !base.a.sup) {
    const at = bareStep({ ...a, a: base.a, range: span(base.a.range, sup.range) }, ctx);
    return at && at.k === 'name' ? { ...base, a: at, range: a.range } : null;
  }
  // w_{j,k}^l (Nielsen's weights, written with the entry first): the entry at that step
  // (b_{h'}^{t-1}, Graves's primed unit under its Σ, keeps its subscript apart: the bound h′ is that entry)
  const sub = base.k === 'name' && base.sub !== null && base.sub.k !== 'list' && !(base.sub.k === 'name' && ctx.vars.has(base.sub.raw));
  if (base.k !== 'name' || sub || base.sup || base.args || !(mentionsVariable(sup, ctx) || nielsenLast(sup, ctx) || lastStepBased(sup)))
    return null;
  const scope = ctx.scope;
  const seq = firstSegment(base.raw);
  // a name defined by a derivative for every step (Nielsen's δ^l = ∂C/∂z^l) takes its step so too
  const stepped = (x: string) => scope.isTimed(x) || scope.derived.get(x)?.timed === true;
  if (!(stepped(base.raw) || (stepped(seq) && !scope.isKnown(base.raw)))) return null;
  if (!tryTimeIndex(sup, ctx.vars, scope.T)) return null;
  return { ...base, sup, range: a.range };
}

/** a letter an activation is written with: lower case, or a Greek capital (Φ, Ψ; Γ and Σ are read otherwise) */
const ACTIVATION_LETTER = /^(?:\p{Ll}|[\u0391-\u03A9])$/u;

/**
 * CS230's g_1(…), g_2(…), Greff et al.'s g(z̄^t) and h(c^t): a letter the file does not define, right before
 * parentheses, is a textbook's activation; say to name it once (g_1 = tanh), not "unknown name g"
 */
function unnamedActivation(a: Ast & { k: 'bin' }, ctx: ExprContext): void {
  // Graves's θ'(a_j^t), the derivative of his activation θ: the prime read as a transpose of the name
  // (and Haykin's and Mandic & Chambers' Φ, a Greek capital: an activation as often as a lower-case letter is)
  const primed = a.a.k === 'transpose' && a.a.a.k === 'name' && ACTIVATION_LETTER.test(a.a.a.raw);
  const f = primed ? (a.a as Ast & { k: 'transpose' }).a : a.a;
  // the cheap tests first (a quiet reading records nothing; most products are spaced), the regular expression last
  if (!ctx.record || f.k !== 'name' || f.sub || f.sup || f.args) return;
  // tight against its brackets, or primed: f'(…) is a derivative however it is spaced, and Bishop's h'\left(a_j\right)
  // leaves the width of the dropped \left between the prime and the bracket
  const tight = a.b.range.line === a.a.range.endLine && a.b.range.column === a.a.range.endColumn;
  if (!(tight || (primed && a.b.range.line === a.a.range.endLine)) || !parenthesised(a.b)) return;
  // Heaviside's H(z), the step that is relu's derivative: an upper-case H, not primed
  const step = f.raw === 'H' && !primed;
  if (!step && !/^\p{Ll}(?:_\d+)?$/u.test(f.raw) && !ACTIVATION_LETTER.test(f.raw)) return;
  const scope = ctx.scope;
  const stem = firstSegment(f.raw);
  if (scope.isKnown(f.raw) || scope.isKnown(stem) || ctx.vars.has(f.raw) || scope.derived.has(stem) || scope.aliases.has(f.raw)) return;
  if (scope.unavailable.has(f.raw) || scope.unavailable.has(stem)) return;
  fail(
    ctx,
    step
      ? `unknown name H: if H(…) is Heaviside's step function (relu's derivative, 1 where its argument is positive), write relu'(…) or 1_{… > 0}`
      : primed
        ? `unknown name ${f.raw}: if ${f.raw}'(…) is the derivative of an activation (Graves's θ), name the activation once on a line of its own (${f.raw} = tanh)`
        : `unknown name ${f.raw}: if ${f.raw}(…) is an activation (CS230's g_1 and g_2, Greff et al.'s g and h), name it once on a line of its own (${f.raw} = tanh)`,
    f.range,
    'unknown-name',
  );
}

/**
 * Prince's a[f_{k−1}] (Understanding Deep Learning writes functions with square brackets, a[•] the activation): a
 * lowercase letter the file does not define, tight against brackets that hold no entry number, is named as the
 * activation it is, as g(…) is (unnamedActivation), not "unknown name a"
 */
function bracketActivation(a: Ast & { k: 'index' }, ctx: ExprContext): void {
  const f = a.a;
  if (!ctx.record || f.k !== 'name' || f.sub || f.sup || f.args || !/^\p{Ll}$/u.test(f.raw) || a.args.length !== 1) return;
  if (a.slice || a.block || a.column || a.args[0]!.k === 'num') return;
  const scope = ctx.scope;
  if (scope.isKnown(f.raw) || ctx.vars.has(f.raw) || scope.derived.has(f.raw) || scope.aliases.has(f.raw) || scope.unavailable.has(f.raw))
    return;
  fail(
    ctx,
    `unknown name ${f.raw}: if ${f.raw}[…] is an activation (Prince's a[•]), write the function itself (ReLU[…], tanh[…]) or name it once on a line of its own (${f.raw} = relu)`,
    f.range,
    'unknown-name',
  );
}

/**
 * Heaviside's H(z), relu's slope, where the file defines no H (Le, Jaitly & Hinton's IRNN and the notes on it write
 * ∂h_t/∂z_t = diag(H(z_t))): read as the step 1[z > 0] the parser makes of 1_{z>0}, with an information. Session 43
 * refused it, H being a name students give their own quantities; a quantity of theirs is defined (and known here),
 * so an H tight against parentheses that names nothing is the step. Not primed, not with a subscript or superscript.
 */
function heaviside(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
  const f = a.a;
  if (f.k !== 'name' || f.raw !== 'H' || f.sub || f.sup || f.args) return null;
  if (a.b.range.line !== f.range.endLine || a.b.range.column !== f.range.endColumn || !parenthesised(a.b)) return null;
  const scope = ctx.scope;
  if (scope.isKnown('H') || ctx.vars.has('H') || scope.derived.has('H') || scope.aliases.has('H') || scope.unavailable.has('H'))
    return null;
  if (ctx.record && !ctx.quiet)
    scope.diagnostics.push(
      diag(
        'information',
        "H(…) is read as Heaviside's step function, 1 where its argument is positive and 0 elsewhere: relu's derivative, relu'(…)",
        f.range,
        'reading',
      ),
    );
  return { k: 'call', fn: 'drelu', arg: a.b, range: a.range, fnRange: f.range } as Ast;
}

/** whether a group's range (which covers its parentheses) starts before what it holds: g(z), g(W h + b) */
function parenthesised(b: Ast): boolean {
  if (b.k === 'neg') return b.a.range.line !== b.range.line || b.a.range.column - 1 > b.range.column;
  const first = b.k === 'name' ? b.nameRange : b.k === 'bin' ? b.a.range : b.k === 'call' ? b.fnRange : null;
  return first !== null && (first.line !== b.range.line || first.column !== b.range.column);
}

/** Nielsen's L, the last layer (z^L, a^{L-1}) where the file defines no L (the last step, as timeIndex reads it) */
function nielsenLast(a: Ast, ctx: ExprContext): boolean {
  if (a.k === 'name') return a.raw === 'L' && !a.sub && !a.sup && !ctx.scope.isKnown('L') && !ctx.vars.has('L');
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && nielsenLast(a.a, ctx);
}

/**
 * Graves's δ_j^{T+1} = 0, a_h^{T-1}: T ± k over a sequence is its step (no power of a sequence with no step has a
 * reading); T alone comes here only from a definition read at the last step (δ_h^{(T)} of δ_j^t = ∂O/∂a_j^t), as
 * the parser reads a written ^T as a transpose
 */
function lastStepBased(a: Ast): boolean {
  if (a.k === 'name') return !a.sub && !a.sup && (a.raw === 'T' || a.raw === 'τ');
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && a.b.k === 'num' && Number.isInteger(a.b.value) && lastStepBased(a.a);
}

/** whether a step expression names a step variable (t, k, a Σ index): t, t-1, t+k */
function mentionsVariable(a: Ast, ctx: ExprContext): boolean {
  if (a.k === 'name') return !a.sub && !a.sup && ctx.vars.has(a.raw);
  return a.k === 'bin' && (a.op === '+' || a.op === '-') && (mentionsVariable(a.a, ctx) || mentionsVariable(a.b, ctx));
}

function readBinary(a: Ast & { k: 'bin' }, ctx: ExprContext): Expr {
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
      const s = elementwiseShape(x.shape, y.shape);
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
function reads(a: Ast, ctx: ExprContext): boolean {
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

/** v, a vector of n beside `row`, a 1×n row a product makes, as that row (vᵀ), said in an information; else null */
function rowBesideVector(row: Expr, v: Expr, ctx: ExprContext): Expr | null {
  // a row made by a product (e_oᵀ V), not a vector transposed (h_tᵀ ⊙ (1 − h_t²) keeps its shape error)
  if (!isRow(row) || row.k === 'transpose' || v.shape?.length !== 1 || row.shape![1] !== v.shape[0] || v.shape[0]! < 2) return null;
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a row beside the row ${exprText(row)} (a 1×${v.shape[0]} row ⊙ a vector of ${v.shape[0]}: entry by entry)`,
        v.range,
        'row-gradient',
      ),
    );
  return { k: 'transpose', a: v, shape: [1, v.shape[0]!], range: v.range };
}

/**
 * CMU 11-785's ∂L/∂h_t ⊙ (h_{t-1} − n_t)ᵀ: in numerator layout a gradient of a scalar is a row, so beside a 1×n row
 * (⊙, +, −) the gradient, a vector of n, is read as that row (as a check compares such a row with a vector side);
 * null where neither is
 */
function gradientRows(x: Expr, y: Expr, ctx: ExprContext): [Expr, Expr] | null {
  if (isGradient(x) && isRowOf(y, x)) return [gradientRow(x, ctx), y];
  if (isGradient(y) && isRowOf(x, y)) return [x, gradientRow(y, ctx)];
  return gradientColumns(x, y, fitsElementwise, ctx);
}

/**
 * (∂L/∂h_t)ᵀ ⊙ (1 − h_t²), diag(…) (∂L/∂h_t)ᵀ h_{t−1}ᵀ: in numerator layout a gradient of a scalar is a row and its
 * transpose a column, where this language's transpose of the gradient (a vector) is a 1×n row. Where the row has no
 * reading beside the other operand (`fits` is false) and the gradient itself has one, it is read as that column;
 * null where neither operand is so
 */
function gradientColumns(x: Expr, y: Expr, fits: (x: Expr, y: Expr) => boolean, ctx: ExprContext): [Expr, Expr] | null {
  // asked at every sum, difference and ⊙ the resolver reads: the cheap test first
  if ((!isGradientTransposed(x) && !isGradientTransposed(y)) || fits(x, y)) return null;
  if (isGradientTransposed(x) && fits(x.a, y)) return [gradientColumn(x, ctx), y];
  if (isGradientTransposed(y) && fits(x, y.a)) return [x, gradientColumn(y, ctx)];
  return null;
}

// gradientColumns' two tests of a pair, made once (gradientRows asks at every sum, difference and ⊙)
const fitsElementwise = (u: Expr, v: Expr) => elementwiseShape(u.shape, v.shape) !== false;
const fitsProduct = (u: Expr, v: Expr) => !!productKind(u.shape, v.shape);

const isRow = (v: Expr): boolean => v.shape?.length === 2 && v.shape[0] === 1;
const isGradientTransposed = (v: Expr): v is Expr & { k: 'transpose' } =>
  v.k === 'transpose' && v.shape?.length === 2 && v.shape[0] === 1 && v.a.shape?.length === 1 && isDelta(v.a);
/** a gradient, or a gradient times a factor entrywise: δ_t = ∂L/∂h_t ⊙ (1 − h_t²), a gradient too (of the pre-activation) */
const isDelta = (v: Expr): boolean => isGradient(v) || ((v.k === 'hadamard' || v.k === 'mul') && (isDelta(v.a) || isDelta(v.b)));

/** the transposed gradient vᵀ read as the column v (gradientColumns), said in an information */
function gradientColumn(v: Expr & { k: 'transpose' }, ctx: ExprContext): Expr {
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a column (a gradient is a row in numerator layout, so its transpose is the vector ${exprText(v.a)})`,
        v.range,
        'row-gradient',
      ),
    );
  return v.a;
}

// gradientRows' tests, made once rather than as four closures at each of its calls (every sum, difference and ⊙)
const isRowOf = (r: Expr, v: Expr) => r.shape?.length === 2 && r.shape[0] === 1 && v.shape?.length === 1 && r.shape[1] === v.shape[0];
// a gradient of a scalar, or a vector standing left of a matrix (§4's `v M`, which is vᵀM: already a row), as the
// chain rule in numerator layout writes ∂L/∂h_t ∂h_t/∂h_{t-1} beside (ŷ_{t-1} − y_{t-1})ᵀ W_hy
const leftOfMatrix = (v: Expr): boolean => v.k === 'contract' && v.a.shape?.length === 1 && v.b.shape?.length === 2;
const isGradient = (v: Expr): boolean =>
  (v.k === 'deriv' && v.of.shape?.length === 0) || leftOfMatrix(v) || (v.k === 'neg' && isGradient(v.a));

/** the gradient v read as the row beside it (gradientRows), said in an information */
function gradientRow(v: Expr, ctx: ExprContext): Expr {
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${exprText(v)} is read as a row (${leftOfMatrix(v) ? 'a vector left of a matrix' : 'a gradient'} in numerator layout), as the 1×${v.shape![0]} row beside it`,
        v.range,
        'row-gradient',
      ),
    );
  return { k: 'transpose', a: v, shape: [1, v.shape![0]!], range: v.range } as Expr;
}

/** ŷ_t − e_{k_t}, W e_k: an operand that is a basis vector, sized by the other (basis.ts); null when neither is */
function basisOperands(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  const left = basisPlace(unwrap(a.a), ctx);
  const right = left ? null : basisPlace(unwrap(a.b), ctx);
  // with no size beside it, it is read as a name (unknown: the diagnostic says which)
  if (left) {
    const y = readExpression(a.b, ctx);
    const n = basisSize(a.op, y.shape, false);
    return n === null ? [readExpression(a.a, ctx), y] : [signed(a.a, basisVector(unwrap(a.a), left, n, ctx)), y];
  }
  if (!right) return null;
  const x = readExpression(a.a, ctx);
  const n = basisSize(a.op, x.shape, true);
  return n === null ? [x, readExpression(a.b, ctx)] : [x, signed(a.b, basisVector(unwrap(a.b), right, n, ctx))];
}

// basisOperands' −e_{k_t}/p_t: the minus is the basis vector's (made once, not two closures per sum or product)
const unwrap = (x: Ast): Ast => (x.k === 'neg' ? x.a : x);
const signed = (x: Ast, e: Expr): Expr => (x.k === 'neg' ? { k: 'neg', a: e, shape: e.shape, range: x.range } : e);

/** a bare I beside a matrix (I − diag(h_t²), W I): the identity of the size the other operand gives (names.ts bareIdentity) */
function identityOperands(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  if (!'+-*@'.includes(a.op) && a.op !== 'juxt') return null;
  const left = bareI(a.a);
  if (left === bareI(a.b)) return a.op === '+' || a.op === '-' ? scaledIdentityTerm(a, ctx) : null;
  if (left) {
    const y = readExpression(a.b, ctx);
    const x = bareIdentity(a.a, y, a.op, true, ctx);
    return x ? [x, y] : [readExpression(a.a, ctx), y];
  }
  const x = readExpression(a.a, ctx);
  const y = bareIdentity(a.b, x, a.op, false, ctx);
  return y ? [x, y] : [x, readExpression(a.b, ctx)];
}

// identityOperands' test, made once rather than as a closure at each sum and product
const bareI = (x: Ast): boolean => x.k === 'name' && x.raw === 'I' && !x.sub && !x.sup;

/**
 * A bare I scaled in a sum, Lukoševičius's leaky Jacobian (1 − α)I + α diag(1 − x̃(n)²) W: I takes the size of the
 * other term, as I − diag(…) does (the scale beside it gave none: "unknown name I"). The pair, or null where neither
 * term is a scale times a bare I (c I, I c), or both are.
 */
function scaledIdentityTerm(a: Ast & { k: 'bin' }, ctx: ExprContext): [Expr, Expr] | null {
  const scaledI = (x: Ast): x is Ast & { k: 'bin' } => x.k === 'bin' && (x.op === 'juxt' || x.op === '*') && bareI(x.a) !== bareI(x.b);
  const left = scaledI(a.a);
  if (left === scaledI(a.b)) return null;
  const term = (left ? a.a : a.b) as Ast & { k: 'bin' };
  // the other term's size asked quietly: where it gives none, both terms are read as written (and I is said unknown)
  let probe: Expr;
  try {
    probe = readExpression(left ? a.b : a.a, quietly(ctx));
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const i = bareI(term.a) ? term.a : term.b;
  const sized = bareIdentity(i, probe, a.op, left, ctx);
  if (!sized) return null;
  const other = readExpression(left ? a.b : a.a, ctx);
  const scale = readExpression(bareI(term.a) ? term.b : term.a, ctx);
  if (scale.shape?.length !== 0) return null;
  const product: Expr = { k: 'mul', a: scale, b: sized, shape: sized.shape, range: term.range };
  return left ? [product, other] : [other, product];
}

/**
 * A check's side that is a scale times a bare I (Mikolov's ∂s_t/∂s_{t−1} = αI, α^{T−t} I): I takes the size of the
 * square matrix the side equals, as a bare I side does (questions.ts); null where the side is no such product, the
 * scale is no scalar or the other side is no square matrix.
 */
export function scaledIdentitySide(side: Ast, other: Expr, ctx: ExprContext): Expr | null {
  if (side.k !== 'bin' || (side.op !== 'juxt' && side.op !== '*') || bareI(side.a) === bareI(side.b)) return null;
  const i = bareI(side.a) ? side.a : side.b;
  const scaleAst = i === side.a ? side.b : side.a;
  try {
    if (readExpression(scaleAst, quietly(ctx)).shape?.length !== 0) return null;
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  const sized = bareIdentity(i, other, '-', false, ctx);
  if (!sized) return null;
  const scale = readExpression(scaleAst, ctx);
  return { k: 'mul', a: scale, b: sized, shape: sized.shape, range: side.range };
}

/** whether a is \mathbf{1} (𝟙), or its transpose: then whether transposed, else null */
function onesAst(a: Ast): { transposed: boolean } | null {
  if (a.k === 'num' && a.ones) return { transposed: false };
  if (a.k === 'transpose' && a.a.k === 'num' && a.a.ones) return { transposed: true };
  return null;
}

/** the all-ones vector of n entries, transposed (a row) or not */
function onesVector(n: number, transposed: boolean, range: Range): Expr {
  const one = (): Expr => ({ k: 'num', value: 1, shape: [], range });
  const v: Expr = { k: 'vec', items: Array.from({ length: n }, one), shape: norm([n]), range };
  return transposed ? { k: 'transpose', a: v, shape: transposeShape(v.shape), range } : v;
}

/**
 * \mathbf{1} in a product takes the length that makes the product a matrix one: 1ᵀv (the sum of v's entries),
 * 1ᵀM (M's column sums), vᵀ1 and M1 (row sums). Elsewhere it stays the scalar 1, which broadcasts as the
 * all-ones vector would (1 − h_t ⊙ h_t, diag(1 − h²)). Null where it changes nothing.
 */
function sizeOnes(ax: Ast, x: Expr, ay: Ast, y: Expr): [Expr, Expr] | null {
  const ox = onesAst(ax);
  const oy = onesAst(ay);
  if (ox && !oy && ox.transposed && y.shape && y.shape.length >= 1 && y.shape.length <= 2)
    return [onesVector(y.shape[0]!, true, x.range), y];
  if (oy && !ox && !oy.transposed && x.shape && x.shape.length === 2) return [x, onesVector(x.shape[1]!, false, y.range)];
  return null;
}

/**
 * A row (1×n) added to a vector of n: one term written in numerator layout (`(o_t − y_t)ᵀ W_hy`) and the other
 * in denominator layout (`W_hhᵀ ∂L/∂h_{t+1}`). Both mean the same gradient, so the mistake is the mix, not the
 * maths; said only in questions and where a derivative is written (in a forward equation, layouts mean nothing).
 */
function mixedLayouts(x: Expr, y: Expr, ctx: ExprContext): string {
  const row = (e: Expr, v: Expr) => e.shape?.length === 2 && e.shape[0] === 1 && v.shape?.length === 1 && e.shape[1] === v.shape[0];
  if ((!row(x, y) && !row(y, x)) || !(ctx.allowDeriv || hasDeriv(x) || hasDeriv(y))) return '';
  const side = row(x, y) ? 'left' : 'right';
  return `; the ${side} term is a row (numerator layout), the other a column: write both in one layout (transpose one of them, ᵀ)`;
}

/** the operands of a product that forms with one named operand transposed, or its ᵀ taken away (flipFits's mend) */
function flipped(x: Expr, y: Expr): { operands: [Expr, Expr]; written: Expr; read: Expr } | null {
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
function exchanged(x: Expr, y: Expr, range: Range): { operands: [Expr, Expr]; written: Expr; read: Expr } | null {
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
function flipFits(x: Expr, y: Expr): ProductHint | null {
  const f = flipped(x, y);
  if (!f) return null;
  return f.written.k === 'transpose'
    ? { text: `; without its transpose, ${exprText(f.read)} fits (a ᵀ too many?)`, fix: { transpose: 'remove', name: exprText(f.read) } }
    : {
        text: `; ${exprText(f.read)} (${shapeText(f.read.shape!)}) fits (a transpose missing?)`,
        fix: { transpose: 'add', name: exprText(f.written) },
      };
}

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
const TRUNCATED = /^(?:trunc|truncated|tbptt|TBPTT|TBTT)$/;

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

function readIndex(a: Ast & { k: 'index' }, ctx: ExprContext): Expr {
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

function readBig(a: Ast & { k: 'big' }, ctx: ExprContext): Expr {
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
function entryCount(a: Ast & { k: 'big' }, v: string, body: Expr, ctx: ExprContext): number | null {
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
function productHint(x: Expr, y: Expr, left: MaybeShape): ProductHint | null {
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
function transposedTensor(a: Ast & { k: 'bin' }, ctx: ExprContext): void {
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
function tensorUntransposed(x: Expr): string {
  if (x.k !== 'deriv') return '';
  return `: a gradient multiplies ${exprText(x)} from the left, untransposed (a gradient left of a Jacobian acts as a row)`;
}

/**
 * A matrix M (m×n) left of a vector of m: the transpose of M takes it (a backward pass's Vᵀ(ŷ_t − y_t) written
 * V(ŷ_t − y_t)), and the message says so.
 */
function transposeFits(x: Expr, y: Expr): ProductHint | null {
  const [m, n] = x.shape ?? [];
  if (x.shape?.length !== 2 || y.shape?.length !== 1 || y.shape[0] !== m || m === n) return null;
  const name = x.k === 'ref' ? refWritten(x) : null;
  return {
    text: `; ${name ? `${name}ᵀ` : 'its transpose'} (${shapeText([n!, m!])}) would take it: a gradient goes back through a matrix by its transpose`,
    fix: { transpose: 'add', name },
  };
}

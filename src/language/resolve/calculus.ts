// Derivative terms (LANGUAGE.md §4): ∂A/∂B and ∂⁺A/∂B, the gradient ∇_B A, and the adjoint X̄ = ∂loss/∂X.

import type { Range } from '../../report';
import type { Ast, NameAst } from '../ast';
import { makeIdx } from '../idx';
import { diag } from '../diagnostics';
import { LIMITS } from '../limits';
import type { Expr, Shape } from '../model';
import { displayName, exprText } from '../print';
import { entries, isLine, shapeText, type MaybeShape } from '../shapes';
import { Abandoned, fail, failUnavailable, quietly, withoutDeriv, type ExprContext } from './context';
import { readExpression } from './expressions';
import { bareStep } from './superscripts';
import { readName } from './names';
import { copyWritten, stepCopyTerms } from './stepCopy';
import { tryTimeIndex } from './timeIndex';
import { writtenName } from './text';
import { walkRefs } from './walk';
import { hasAdjointMark } from './marks';

/**
 * the shape of ∂A/∂B: B's shape for a scalar A, A's for a scalar B, the Jacobian n×k of two vectors,
 * and the n×m×k tensor of a vector by a matrix (textbooks' ∂h^{(i)}/∂W_hh)
 */
export function derivativeShape(of: Shape, wrt: Shape): Shape | null {
  if (of.length === 0) return wrt;
  if (wrt.length === 0) return of;
  if (of.length === 1 && wrt.length === 1) return [of[0]!, wrt[0]!];
  // a row or a column (d2l.ai's H_t : 1×h) is the vector it writes: ∂H_t/∂H_{t-1} is the h×h Jacobian, as the
  // engine computes it (run.ts derivShape)
  const [a, b] = [lineLength(of), lineLength(wrt)];
  if (a !== null && b !== null) return [a, b];
  // a vector, or a row (CS224n's z^{(t)} = h^{(t-1)} H + …, its vectors rows), by a matrix: one matrix per entry
  if (a !== null && wrt.length === 2) return [a, wrt[0]!, wrt[1]!];
  return null;
}

/** the entries of a vector, or of a matrix of one row or one column; null for any other shape */
function lineLength(s: Shape): number | null {
  if (s.length === 1) return s[0]!;
  return isLine(s) ? entries(s) : null;
}

/** the entries of a vector whose derivatives by one entry of a parameter are read one by one (∂h_t/∂W_{12}) */
const ENTRY_DERIVATIVES = 64;

function derivative(of: Expr, wrtAst: Ast, total: boolean, range: Range, ctx: ExprContext, written?: Ast & { k: 'deriv' }): Expr {
  const copy = stepCopy(of, wrtAst, total, range, ctx, written);
  if (copy) return copy;
  const w = readExpression(wrtAst, withoutDeriv(ctx));
  // ∂E/∂p_j^{(k+1)} of a scalar E: entry j of the gradient ∂E/∂p^{(k+1)}
  if (w.k === 'index' && w.a.k === 'ref' && of.shape && of.shape.length === 0) {
    const gradient = derivativeBy(of, w.a, total, range, ctx);
    return { k: 'index', a: gradient, i: w.i, j: w.j, shape: [], range };
  }
  // ∂h_t/∂W_{12} of a vector h_t: the vector of its entries' derivatives by that entry, as RTRL carries the
  // sensitivities p^k_{ij}(t) = ∂h_k(t)/∂W_ij of every unit k forward (Williams & Zipser 1989; session 42: it was
  // refused). Entry by entry, each the scalar case above; up to ENTRY_DERIVATIVES entries
  if (w.k === 'index' && w.a.k === 'ref' && of.shape?.length === 1 && of.shape[0]! <= ENTRY_DERIVATIVES) {
    const by = w.a;
    const items: Expr[] = Array.from({ length: of.shape[0]! }, (_, k) => {
      const entry: Expr = { k: 'index', a: of, i: { k: 'num', value: k + 1, shape: [], range }, j: null, shape: [], range };
      return { k: 'index', a: derivativeBy(entry, by, total, range, ctx), i: w.i, j: w.j, shape: [], range };
    });
    return { k: 'vec', items, shape: [of.shape[0]!], range };
  }
  if (w.k === 'index' && w.a.k === 'ref' && of.shape) {
    return fail(ctx, `∂A/∂(an entry) needs a scalar A or a vector; this A is a ${shapeText(of.shape)}`, range, 'shape-mismatch');
  }
  if (w.k !== 'ref')
    return fail(ctx, `differentiate with respect to a name (∂L/∂W_hh, ∂h_t/∂h_{t-1}), not an expression`, wrtAst.range, 'syntax');
  return derivativeBy(of, w, total, range, ctx);
}

/**
 * Goodfellow et al. §10.2.2 (eqs. 10.22–10.28): θ^{(t)} is a copy of the shared parameter θ used at step t
 * only, so ∂h^{(t)}/∂b^{(t)} is the one-step derivative of h^{(t)} by b (every other step's use of b held
 * fixed); ∂⁺h^{(t)}/∂b^{(t)} is ∂⁺h^{(t)}/∂b. Of anything else (the loss, a quantity at another step: ∂L/∂W^{(t)}, Hinton's
 * ∂E/∂w_1) it is the derivative by that step's copy, Σ_X ∂A/∂X^{(t)} ∂⁺X^{(t)}/∂W (stepCopy.ts), as CS230's |_{(t)} is;
 * null when wrtAst is no such copy.
 */
function stepCopy(of: Expr, wrtAst: Ast, total: boolean, range: Range, ctx: ExprContext, written?: Ast & { k: 'deriv' }): Expr | null {
  const copy = copyWritten(wrtAst, ctx);
  if (!copy) return null;
  const d = copy.decl;
  const idx = tryTimeIndex(copy.at, ctx.vars, ctx.scope.T)!;
  const name = displayName(d.name);
  // by the copy at another step than the quantity's (or of the loss): every path from that step's use of the parameter
  const vector = of.k === 'index' && !of.j && of.a.k === 'ref' && of.a.shape?.length === 1 ? of.a : of;
  const sameStep =
    vector.k === 'ref' &&
    vector.idx !== null &&
    ctx.scope.isTimed(vector.name) &&
    JSON.stringify(makeIdx(vector.idx.v, vector.idx.k, vector.idx.terms ?? [])) === JSON.stringify(idx);
  if (!sameStep && written && total) {
    const bare: NameAst = { k: 'name', raw: d.name, sub: null, sup: null, range: wrtAst.range, nameRange: wrtAst.range };
    return readExpression(stepCopyTerms({ ...written, wrt: bare }, copy.at, ctx, copy.form), ctx);
  }
  // ∇_{W^{(t)}} h_i^{(t)} (Goodfellow's eqs. 10.25 and 10.27): an entry of a vector at the copy's step is the
  // entry's row of the one-step ∂h^{(t)}/∂W^{(t)}: one-hot(i) · ∂h^{(t)}/∂W^{(t)} (entry i itself for a scalar W)
  if (of.k === 'index' && !of.j && of.a.k === 'ref' && of.a.shape?.length === 1) {
    const whole = stepCopy(of.a, wrtAst, total, range, ctx);
    if (!whole || !whole.shape) return whole;
    if (whole.shape.length === 1) return { k: 'index', a: whole, i: of.i, j: null, shape: [], range };
    const n = of.a.shape[0]!;
    const oneHot: Expr = {
      k: 'vec',
      items: Array.from({ length: n }, (_, k) => ({
        k: 'indicator',
        a: of.i,
        b: { k: 'num', value: k + 1, shape: [], range },
        shape: [],
        range,
      })),
      shape: [n],
      range,
    };
    return { k: 'contract', a: oneHot, b: whole, shape: whole.shape.slice(1), range };
  }
  if (!sameStep) {
    return fail(
      ctx,
      total
        ? `${name} with a step is the copy of ${name} used at that step (Goodfellow's notation): it is read only in a derivative written ∂A/∂${name}^{(t)} or ∇_{${name}^{(t)}} A`
        : `${name} with a step is the copy of ${name} used at that step (Goodfellow's notation): in an immediate partial ∂⁺ it is read only in the derivative of a quantity at the same step, as ∂⁺h^{(t)}/∂${name}^{(t)}`,
      wrtAst.range,
      'syntax',
    );
  }
  const w: Expr & { k: 'ref' } = { k: 'ref', name: d.name, idx: null, shape: d.shape, range: wrtAst.range };
  // ∂⁺h^{(t)}/∂b^{(t)} stays the immediate partial (b's direct appearance in h^{(t)}'s own equation)
  const deriv = derivativeBy(of, w, total, range, ctx);
  return deriv.k === 'deriv' && total ? { ...deriv, oneStep: true } : deriv;
}

function derivativeBy(of: Expr, w: Expr & { k: 'ref' }, total: boolean, range: Range, ctx: ExprContext): Expr {
  let shape: MaybeShape = null;
  if (of.shape && w.shape) {
    shape = derivativeShape(of.shape, w.shape);
    if (!shape)
      fail(
        ctx,
        `∂A/∂B of a ${shapeText(of.shape)} by a ${shapeText(w.shape)} has no reading: differentiate a scalar or a vector (by a scalar, a vector or a matrix)`,
        range,
        'shape-mismatch',
      );
    if (entries(of.shape) * entries(w.shape) > LIMITS.maxJacobian)
      fail(ctx, `this Jacobian has more than ${LIMITS.maxJacobian} entries (limit)`, range, 'limit');
  }
  // spelled set by readDerivative when it is written d or ∂: a field of every derivative, so that setting it keeps
  // the object's shape (and derivAs's copies match a spread's)
  return { k: 'deriv', total, of, wrt: { name: w.name, idx: w.idx, range: w.range }, shape: shape as Shape, range, spelled: undefined };
}

/** ∂A/∂B, ∂⁺A/∂B and ∇_B A */
export function readDerivative(a: Ast & { k: 'deriv' }, ctx: ExprContext): Expr {
  if (!ctx.allowDeriv) fail(ctx, `derivative terms belong in derive and check lines, not in equations`, a.range, 'syntax');
  if (a.copyAt) return readExpression(stepCopyTerms(a, a.copyAt, ctx), ctx);
  const of = readExpression(a.of, withoutDeriv(ctx));
  // 11-785's ∇_{Z(t)} Y(t) of a vector Y(t) by a vector (or a scalar): its Jacobian, read below; by a matrix, a tensor
  // no one writes with ∇
  if (a.nabla && of.shape && (of.shape.length > 1 || (of.shape.length === 1 && matrixWrt(a.wrt, ctx)))) {
    fail(
      ctx,
      `∇_B A is the gradient of a scalar A, but this A is a ${shapeText(of.shape)}: write ∂A/∂B for its Jacobian`,
      a.of.range,
      'shape-mismatch',
    );
  }
  // Nielsen's ∇_a C (BP1): the gradient by the output layer's a, whose step the text leaves to the reader — the one
  // step A's own equation reads (C = ½‖a^L − y‖² reads a^L alone), else said to be written
  let w = a.wrt;
  const bare = a.nabla && w.k === 'name' && !w.sub && !w.sup && !w.args && ctx.scope.isTimed(w.raw) && !ctx.vars.has(w.raw);
  const step = bare ? onlyStepRead(of, (w as NameAst).raw, ctx) : null;
  if (step !== null) {
    const raw = (w as NameAst).raw;
    const written = step === ctx.scope.T ? `${raw}_T` : `${raw}_${step}`;
    if (ctx.record && !ctx.quiet)
      ctx.scope.diagnostics.push(
        diag(
          'information',
          `∇_${raw} ${exprText(of)} is read as ∇_{${written}} ${exprText(of)}: ${exprText(of)} reads ${raw} at that step alone${step === ctx.scope.T ? " (the last layer's, as Nielsen's ∇_a C in BP1)" : ''}`,
          w.range,
          'reading',
        ),
      );
    w = { ...(w as NameAst), sub: { k: 'num', value: step, range: w.range } };
  } else if (bare && w.k === 'name')
    fail(
      ctx,
      `∇_${w.raw}: ${w.raw} is a sequence, so the gradient by it needs a step — write ∇_{${w.raw}^L} or ∇_{${w.raw}_T} for the last layer's (Nielsen's ∇_a C in BP1), ∇_{${w.raw}_t} for step t's`,
      w.range,
      'index',
    );
  // ∂f(x_t, h_{t-1}, w_h)/∂w_h (d2l.ai): f is no name of the file but the function of a quantity's equation, and
  // its derivative by an argument is the partial one, ∂⁺h_t/∂w_h
  const partial =
    a.of.k === 'name' &&
    a.of.argItems !== undefined &&
    !ctx.scope.isKnown(a.of.raw) &&
    of.k === 'ref' &&
    ctx.scope.isTimed(of.name) &&
    isArgument(a.of.argItems, a.wrt, ctx);
  // ∂L/∂\bar{h}_t with no barred name in the file: h̄_t is the adjoint ∂loss/∂h_t, no variable (it was "the adjoint …
  // belongs in derive and check lines, not in equations", said in a check line)
  const adjointWrt = ctx.scope.barredKnown
    ? null
    : a.wrt.k === 'name'
      ? markedAdjoint(a.wrt)
      : a.wrt.k === 'adjoint' && a.wrt.a.k === 'name'
        ? a.wrt.a
        : null;
  if (adjointWrt)
    fail(
      ctx,
      `∂…/∂${barred(adjointWrt)}: ${barred(adjointWrt)} is the adjoint ∂loss/∂${writtenName(adjointWrt)}, no variable to differentiate by — write ∂…/∂${writtenName(adjointWrt)}`,
      a.wrt.range,
      'unknown-name',
    );
  // ∂L/∂h^t (Graves' bare superscript step): the name at that step
  const wrt = (a.wrt.k === 'bin' ? bareStep(a.wrt, ctx) : null) ?? w;
  const d = derivative(of, wrt, !a.plus && !partial, a.range, ctx, a);
  if (a.nabla && of.shape?.length === 1) jacobianByNabla(of, d, a.range, ctx);
  // how it is written (d or ∂) goes with it: a check that writes both tells them apart (check/reread.ts)
  if (a.spelled && d.k === 'deriv') d.spelled = a.spelled;
  return d;
}

/** whether ∇'s variable reads as a matrix (quietly: its own errors are said where it is read) */
function matrixWrt(wrt: Ast, ctx: ExprContext): boolean {
  try {
    return readExpression(wrt, quietly(ctx, false)).shape?.length === 2;
  } catch (err) {
    if (err instanceof Abandoned) return false;
    throw err;
  }
}

/**
 * ∇_B A of a vector A (Bhiksha Raj's 11-785 writes ∇_{Z(t)} Y(t) for the Jacobian a row gradient multiplies, ∇_{Y(t)}Div
 * ∇_{Z(t)} Y(t)): read as ∂A/∂B, the Jacobian with A's entries as rows, the layout the language gives ∂A/∂B
 * (LANGUAGE.md §4); said, since the other layout's ∇ is its transpose
 */
function jacobianByNabla(of: Expr, d: Expr, range: Range, ctx: ExprContext): void {
  if (!ctx.record || ctx.quiet || d.k !== 'deriv') return;
  const A = exprText(of);
  ctx.scope.diagnostics.push(
    diag(
      'information',
      `∇ of the vector ${A} is read as its Jacobian ${exprText(d)} (rows: ${A}'s entries), the factor a row gradient multiplies (11-785's ∇_Z Y); a ∇ laid out the other way is its transpose`,
      range,
      'reading',
    ),
  );
}

/** the one step at which the equation of an untimed A reads the sequence `name` (its only use), or null */
function onlyStepRead(of: Expr, name: string, ctx: ExprContext): number | null {
  const eq = of.k === 'ref' && !of.idx ? ctx.scope.quantities.get(of.name)?.general : null;
  if (!eq) return null;
  let step: number | null = null;
  let one = true;
  walkRefs(eq, (r) => {
    if (r.name !== name) return;
    if (!r.idx || r.idx.v !== null || r.idx.terms || (step !== null && step !== r.idx.k)) one = false;
    else step = r.idx.k;
  });
  return one ? step : null;
}

/** whether wrt is one of the arguments written (the same name at the same step): ∂l(y_t, o_t)/∂w_h stays total */
function isArgument(args: Ast[], wrt: Ast, ctx: ExprContext): boolean {
  const quiet = quietly(ctx, false);
  const key = (x: Ast): string | null => {
    try {
      const e = readExpression(x, quiet);
      return e.k === 'ref' ? `${e.name} ${JSON.stringify(e.idx)}` : null;
    } catch (err) {
      if (err instanceof Abandoned) return null;
      throw err;
    }
  };
  const w = key(wrt);
  return w !== null && args.some((x) => key(x) === w);
}

/**
 * a use that needs the loss's gradient while the loss is refused as not a scalar: a warning naming the loss's line
 * (its error is there), the question left unanswered
 */
function failRefusedLoss(ctx: ExprContext, what: string, refused: { name: string; shape: number[] }, range: Range): never {
  const line = ctx.scope.unavailable.get(refused.name)!.line;
  if (!ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'warning',
        `${what}, but the loss ${displayName(refused.name)} is not a scalar (line ${line}: a ${shapeText(refused.shape)})`,
        range,
        'unavailable',
      ),
    );
  throw new Abandoned();
}

/** X̄ (\bar{X}, \overline{X}): the total derivative of the loss by X at that step */
export function readAdjoint(a: NameAst, range: Range, ctx: ExprContext, barredName = true): Expr {
  const scope = ctx.scope;
  // the file may define a name spelled with the bar itself (\bar{x}_t = … defines x̄_t): then it is that name (asked only
  // when some known name has the mark: four strings made and looked up per adjoint otherwise). Not for code's dc_t,
  // whose c is no bar written (barredName false): beside a candidate c̄ it is still ∂loss/∂c_t
  if (barredName && scope.barredKnown) {
    const cut = a.raw.indexOf('_');
    const head = cut < 0 ? a.raw : a.raw.slice(0, cut);
    for (const mark of ['\u0304', '\u0305']) {
      const barredHead = head + mark;
      // without a '_' the barred name is the barred head: one lookup
      if (scope.isKnown(barredHead) || (cut >= 0 && scope.isKnown(barredHead + a.raw.slice(cut))))
        return readName({ ...a, raw: barredHead + a.raw.slice(head.length), range }, ctx);
    }
  }
  if (!ctx.allowDeriv) fail(ctx, `the adjoint ${adjointWritten(a)} belongs in derive and check lines, not in equations`, range, 'syntax');
  const loss = scope.loss;
  const refused = scope.refusedLoss;
  // the loss's own error says what is wrong: a use of it says so once, as a warning (LANGUAGE.md §6: no cascades)
  if (!loss && refused) failRefusedLoss(ctx, `the adjoint ${adjointWritten(a)} needs the gradient of a scalar loss`, refused, range);
  // a `loss` whose definition has an error is the file's loss all the same: said as any use of it (no cascade)
  const brokenLoss = loss ? undefined : scope.definitions.find((d) => d.st.isLoss && scope.unavailable.has(d.key));
  if (brokenLoss) return failUnavailable(ctx, brokenLoss.key, range);
  if (!loss)
    return fail(
      ctx,
      `the adjoint ${adjointWritten(a)} needs a loss, and this file has none: mark the objective with \`loss L = …\``,
      range,
      'adjoint',
    );
  // the loss is one number here: a `loss` that is not was refused above, and the unmarked objective is a scalar
  const of: Expr = { k: 'ref', name: loss, idx: null, shape: [], range };
  return derivative(of, a, true, range, ctx);
}

/** the adjoint as written, for readAdjoint's messages only (a function, not a closure made at every adjoint read) */
function adjointWritten(a: NameAst): string {
  return `${barred(a)} = ∂loss/∂${writtenName(a)}`;
}

/** X̄ as a reader writes it: the bar on the name's first letter */
function barred(a: NameAst): string {
  const w = writtenName(a);
  const first = String.fromCodePoint(w.codePointAt(0)!);
  return first + '\u0304' + w.slice(first.length);
}

/** a name written with the adjoint mark that the file does not define: X̄_t is ∂loss/∂X_t */
export function markedAdjoint(a: NameAst): NameAst | null {
  if (!hasAdjointMark(a.raw)) return null;
  return { ...a, raw: a.raw.replace(/[\u0304\u0305]/g, '') };
}

// Superscripts that are no powers: a matrix's role (W^{hh} for W_hh), a step with a variable on a sequence (h^t, h^{t-1}),
// Nielsen's L as the last layer.

import type { Ast } from '../ast';
import { span } from '../ast';
import { diag } from '../diagnostics';
import { firstSegment } from '../segments';
import type { ExprContext } from './context';
import { tryTimeIndex } from './timeIndex';

/** a word over the objective's name that says it is the total (J^{total}, E^{tot}) */
export const TOTAL = /^(?:total|tot)$/;

/**
 * W^{gx}, W^{hh} (Lipton et al. write a matrix's role as a superscript): the name W_gx the file defines, when it
 * defines no W — an information diagnostic says so. A power (W^2, h^{(t)}) or a bound letter is not touched.
 */
export function superscriptName(a: Ast & { k: 'bin' }, ctx: ExprContext): Ast | null {
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

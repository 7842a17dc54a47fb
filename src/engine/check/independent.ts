// A derivative inside a check whose numerator does not depend on its denominator (LANGUAGE.md §6: "∂A/∂B where
// A does not depend on B — value 0, a hint, not an error"): a derive line says so, and a check now does too, at
// the derivative itself. A check such as ∂L/∂c = 0 then holds with the reason in view, and a ∂⁺h_t/∂b that is 0
// because b reaches h_t only through a named pre-activation is not silently 0.

import { diag } from '../../language/diagnostics';
import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { forChildren } from '../../language/resolve/walk';
import type { QuestionContext } from '../questions';
import { RunError } from '../run';
import type { Point } from './points';

/** a hint per derivative of the sides (outside any Σ/∏) that reaches nothing at every point */
export function independentHints(sides: Expr[], points: Point[], ctx: QuestionContext): void {
  const derivs: (Expr & { k: 'deriv' })[] = [];
  const collect = (x: Expr): void => {
    if (x.k === 'deriv') derivs.push(x);
    // a Σ/∏'s body reads its own variable, which no point binds
    if (x.k === 'sum' || x.k === 'prod') return;
    forChildren(x, collect);
  };
  for (const s of sides) collect(s);
  for (const d of derivs) {
    if (!points.length || !unreachedEverywhere(d, points, ctx)) continue;
    const message = `${exprText(d.of)} does not depend on ${refText(d.wrt.name, d.wrt.idx)}${d.total ? '' : ' directly (∂⁺ counts only its direct appearance)'}: the derivative is 0`;
    // a chain's links share their first side: said once at each derivative
    const r = d.range;
    const said = ctx.diagnostics.some(
      (x) => x.code === 'independent' && x.line === r.line && x.column === r.column && x.endColumn === r.endColumn && x.message === message,
    );
    if (!said) ctx.diagnostics.push(diag('hint', message, r, 'independent'));
  }
}

/** the derivative (memoized by the run: the sides just read it) reaches nothing at any point; false if unknown */
function unreachedEverywhere(d: Expr & { k: 'deriv' }, points: Point[], ctx: QuestionContext): boolean {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    try {
      if (ctx.run.derivativeShared(d.of, d.wrt, p.env, d.total, d.oneStep).reached) return false;
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      return false;
    }
  }
  return true;
}

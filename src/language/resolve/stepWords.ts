// CS231n's step functions name a state by its place in the step, not by a step index: lstm_step_forward takes prev_h and
// prev_c and returns next_h and next_c, and lstm_step_backward's gradients are dnext_h, dnext_c, dprev_h, dprev_c. A
// student's solution copies those names into its equations (`\text{dprev\_c} = \text{dnext\_c} \odot f_t`). Where the
// file defines the state (h, c) and no name so spelled, prev_X is X_{t-1} and next_X is X_t at the question's step t,
// and dprev_X, dnext_X the loss's gradients by them (dX, as codeGradient reads it), with a note saying so.

import type { NameAst } from '../ast';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { refText } from '../print';
import { readAdjoint } from './calculus';
import type { ExprContext } from './context';
import { readExpression } from './expressions';

export const STEP_WORD = /^(d?)(prev|next)_(.+)$/u;

/** prev_h, next_c, dprev_h, dnext_c as the states (and gradients) at t−1 and t; null for any other name */
export function stepWord(a: NameAst, ctx: ExprContext, name: string): Expr | null {
  const m = STEP_WORD.exec(name);
  if (!m || a.sub || a.sup || a.args) return null;
  const [, d, place, state] = m as unknown as [string, string, 'prev' | 'next', string];
  if (!ctx.scope.isTimed(state) || ctx.scope.isKnown(name) || (d && !ctx.allowDeriv)) return null;
  const r = a.range;
  const t: NameAst = { k: 'name', raw: 't', sub: null, sup: null, range: r, nameRange: r };
  const step = place === 'prev' ? { k: 'bin' as const, op: '-' as const, a: t, b: { k: 'num' as const, value: 1, range: r }, range: r } : t;
  const x: NameAst = { ...a, raw: state, sub: step };
  const e = d ? readAdjoint(x, r, ctx) : readExpression(x, ctx);
  if (ctx.record && !ctx.quiet) {
    const at = refText(state, { v: 't', k: place === 'prev' ? -1 : 0 });
    const what = d ? `∂${e.k === 'deriv' && e.of.k === 'ref' ? refText(e.of.name, null) : 'L'}/∂${at}` : at;
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${name} is read as ${what} (CS231n's step functions: prev_${state} is ${refText(state, { v: 't', k: -1 })}, next_${state} is ${refText(state, { v: 't', k: 0 })}${d ? ', d before them the gradient' : ''})`,
        r,
        'step-word',
      ),
    );
  }
  return e;
}

// CS231n's step functions name a state by its place in the step, not by a step index: lstm_step_forward takes prev_h and
// prev_c and returns next_h and next_c, and lstm_step_backward's gradients are dnext_h, dnext_c, dprev_h, dprev_c. A
// student's solution copies those names into its equations (`\text{dprev\_c} = \text{dnext\_c} \odot f_t`). Where the
// file defines the state (h, c) and no name so spelled, prev_X is X_{t-1} and next_X is X_t at the question's step t,
// and dprev_X, dnext_X the loss's gradients by them (dX, as codeGradient reads it), with a note saying so.

import { someAst, type Ast, type NameAst, type Statement } from '../ast';
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

/** a step function's gradient at its activation's argument, code's dtanh (names.ts functionGradient) */
const FUNCTION_GRADIENT = /^d(?:tanh|σ|sigma|relu)$/u;

/** whether a check writes a step word (prev_h, dnext_h) or dtanh: its sides are a step function's, as CS231n's are */
export function writesStepWords(st: Statement & { k: 'check' }): boolean {
  const word = (x: Ast) => x.k === 'name' && !x.sub && !x.sup && (STEP_WORD.test(x.raw) || FUNCTION_GRADIENT.test(x.raw));
  return [st.lhs, st.rhs, ...st.more].some((side) => someAst(side, word));
}

/**
 * CS231n's step functions take the step's input as x: rnn_step_backward returns dx beside dprev_h. In a check that
 * writes step words, an input written without a step is the step's, x_t (it was "x is a sequence: write x_t"), with
 * a note; null elsewhere
 */
export function stepFunctionInput(a: NameAst, ctx: ExprContext, raw: string): Expr | null {
  if (!ctx.scope.stepFunction || ctx.scope.decls.get(raw)?.kind !== 'input' || a.args) return null;
  const r = a.range;
  const e = readExpression({ ...a, raw, sub: { k: 'name', raw: 't', sub: null, sup: null, range: r, nameRange: r } }, ctx);
  if (ctx.record && !ctx.quiet)
    ctx.scope.diagnostics.push(
      diag(
        'information',
        `${raw} is read as ${raw}_t: the step's input, beside the step function's prev_ and next_ names (CS231n's)`,
        r,
        'step-word',
      ),
    );
  return e;
}

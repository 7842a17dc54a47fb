// Skansi's error E = ½ Σ (t − y)² (Introduction to Deep Learning; t is his letter for the target throughout): a Σ with
// no index and no bounds over sequences written without their step. As a teacher reads it for a recurrent network,
// the sum runs over the steps and each sequence is at the summed step: ½ Σ_t (t_t − y_t)², where a sequence called t
// (seed 001's targets t_t) is the bare t too. It was "y is a sequence: write y_t …". Read so only where the term does
// not read as written (a bare sequence is no value), with an information that says how.
import type { Ast } from '../ast';
import { diag } from '../diagnostics';
import type { Expr } from '../model';
import { Abandoned, quietly, withVars, type ExprContext } from './context';
import { readExpression } from './expressions';
import { forChildren } from './walk';

/** Σ (t − y)², no index, no bounds, its sequences written bare: Σ_{t=1}^{T} of them at step t; else null */
export function bareStepSum(a: Ast & { k: 'big' }, ctx: ExprContext): Expr | null {
  if (a.op !== 'sum' || a.v || a.from || a.to || ctx.of !== null || ctx.scope.bareStepSum) return null;
  const inner = withVars(ctx, 't');
  const reads = (c: ExprContext): Expr | null => {
    try {
      return readExpression(a.body, c);
    } catch (err) {
      if (err instanceof Abandoned) return null;
      throw err;
    }
  };
  if (reads(quietly(inner))) return null;
  const scope = ctx.scope;
  scope.bareStepSum = true;
  try {
    if (!reads(quietly(inner))) return null;
    const body = readExpression(a.body, inner);
    let targetT = false;
    const look = (e: Expr): void => {
      if (e.k === 'ref' && e.name === 't') targetT = true;
      else forChildren(e, look);
    };
    look(body);
    if (ctx.record && !ctx.quiet)
      scope.diagnostics.push(
        diag(
          'information',
          `this Σ has no index and its term writes sequences without a step: read as Σ_t over the steps 1..${scope.T}, each sequence at step t${targetT ? ' (the bare t is the sequence t, t_t, as texts that call the target t write it)' : ''}`,
          a.range,
          'bare-step-sum',
        ),
      );
    return { k: 'sum', v: 't', from: { v: null, k: 1 }, to: { v: null, k: scope.T }, body, shape: body.shape, range: a.range };
  } finally {
    scope.bareStepSum = false;
  }
}

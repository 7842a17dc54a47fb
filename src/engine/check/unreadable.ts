// A trial that reads a step the network does not have (a term moved past the last step: ∂L/∂i_5 at T = 4) cannot
// be evaluated: the evaluator throws a RunError, which the hint's guard turns into "not read here". A throw out of
// the evaluator's closures cost tens of µs (issue 9: four of them were a sixth of seed 004's h̄ line's textbook
// hints), so such a trial is known unreadable from its references before it is evaluated.

import { idxValue } from '../../language/idx';
import type { Expr, Idx } from '../../language/model';
import { forChildren } from '../../language/resolve';
import type { Env, Run } from '../run';
import { withVar } from '../env';

/** the name has no node at the index's step (or the index reads a variable env does not bind) */
function missing(name: string, idx: Idx | null, env: Env, run: Run): boolean {
  if (!idx) return !run.node(name, null);
  const step = idxValue(idx, env);
  return step === undefined || !run.node(name, step);
}

/** a Σ/∏ of more terms than this is left to the evaluation (walking it would cost about as much) */
const MAX_TERMS_WALKED = 64;

/**
 * evaluating e at env surely throws a RunError: a reference, or an end of a derivative, that every evaluation of e
 * reads (a Σ/∏'s body at each value of its variable) has no node there. A one-step derivative is read its own way
 * (oneStepAt) and left to the evaluation.
 */
export function unreadable(e: Expr, env: Env, run: Run): boolean {
  if (e.k === 'ref') return missing(e.name, e.idx, env, run);
  if (e.k === 'deriv') {
    if (e.oneStep) return false;
    // the derivative's memo keeps only what was computed, and that read both nodes (derivativeOnce: wrt, then of)
    return missing(e.wrt.name, e.wrt.idx, env, run) || (e.of.k === 'ref' && missing(e.of.name, e.of.idx, env, run));
  }
  if (e.k === 'sum' || e.k === 'prod') {
    // the bounds are read first (an unbound one throws); an empty range reads no body
    const lo = idxValue(e.from, env);
    const hi = idxValue(e.to, env);
    if (lo === undefined || hi === undefined) return true;
    if (hi - lo >= MAX_TERMS_WALKED) return false;
    const inner = withVar(env, e.v, lo);
    for (let i = lo; i <= hi; i++) {
      inner[e.v] = i;
      if (unreadable(e.body, inner, run)) return true;
    }
    return false;
  }
  let out = false;
  forChildren(e, (c) => (out ||= unreadable(c, env, run)));
  return out;
}

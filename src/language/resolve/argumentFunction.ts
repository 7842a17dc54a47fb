// d2l.ai §9.7 writes a recurrence through named functions it never defines: h_t = f(x_t, h_{t-1}, w_h),
// o_t = g(h_t, w_o), and differentiates them: ∂f(x_t, h_{t-1}, w_h)/∂w_h is the partial derivative of the
// function by its argument, the immediate ∂⁺h_t/∂w_h. A file's network writes the functions out; here an
// unknown name applied to arguments is read as the one quantity whose equation takes those arguments.

import type { NameAst } from '../ast';
import { makeIdx } from '../idx';
import type { Expr, Idx } from '../model';
import { Abandoned, quietly, type ExprContext } from './context';
import { readExpression } from './expressions';
import { forChildren } from './walk';

export interface ArgumentFunction {
  /** the quantity's key and the step it is read at */
  name: string;
  idx: Idx;
}

/** the names (and their step offsets from the equation's t; null for an untimed one) an equation reads */
function readsOf(e: Expr): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const go = (x: Expr) => {
    if (x.k === 'ref') {
      const off = x.idx === null ? null : x.idx.v === 't' && !x.idx.terms ? x.idx.k : undefined;
      if (off !== undefined && !out.has(x.name)) out.set(x.name, off);
    }
    forChildren(x, go);
  };
  go(e);
  return out;
}

/** the arguments as refs (a name at a step, or an untimed name); null when one is anything else */
function argumentRefs(a: NameAst, ctx: ExprContext): (Expr & { k: 'ref' })[] | null {
  const quiet = quietly(ctx, false);
  const refs: (Expr & { k: 'ref' })[] = [];
  for (const x of a.argItems ?? []) {
    let e: Expr;
    try {
      e = readExpression(x, quiet);
    } catch (err) {
      if (err instanceof Abandoned) return null;
      throw err;
    }
    if (e.k !== 'ref' || (e.idx && e.idx.terms)) return null;
    refs.push(e);
  }
  return refs.length ? refs : null;
}

/**
 * f(x_t, h_{t-1}, w_h) in a question, with f no name of the file: the timed quantity whose general equation reads
 * every argument at the same offsets from one step (h_t = tanh(w_h h_{t-1} + w_x x_t) for the arguments above:
 * the network may read more than the function's arguments show, as d2l.ai's w_h stands for all hidden weights).
 * null when no quantity, or more than one, does.
 */
export function argumentFunction(a: NameAst, ctx: ExprContext): ArgumentFunction | null {
  // in questions only (an equation of the network is read before every quantity is)
  if (ctx.of !== null) return null;
  const refs = argumentRefs(a, ctx);
  if (!refs) return null;
  const found: ArgumentFunction[] = [];
  for (const q of ctx.scope.quantities.values()) {
    if (!q.timed || !q.general) continue;
    const reads = readsOf(q.general);
    let step: Idx | null = null;
    let fits = true;
    for (const r of refs) {
      const off = reads.get(r.name);
      if (off === undefined || (off === null) !== (r.idx === null)) {
        fits = false;
        break;
      }
      if (off === null || r.idx === null) continue;
      const s = makeIdx(r.idx.v, r.idx.k - off);
      if (step && (step.v !== s.v || step.k !== s.k)) {
        fits = false;
        break;
      }
      step = s;
    }
    if (fits && step) found.push({ name: q.name, idx: step });
  }
  return found.length === 1 ? found[0]! : null;
}

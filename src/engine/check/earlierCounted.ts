// A total derivative by a parameter in a Σ over the steps that already counts the earlier steps: Khapra's
// ∂s_4/∂W = Σ_{k=1}^{4} ∂s_4/∂s_k ∂⁺s_k/∂W written with ∂s_k/∂W, the total, for the explicit ∂⁺s_k/∂W. Each term
// then counts W's paths through s_{k−1}, s_{k−2}, … again, which the terms of the earlier k count through ∂s_4/∂s_k.
// countedTwice.ts names a total beside a term of another quantity of its own equation (a gate); here the term that
// counts the path again is the Σ's own earlier term, so that screen passes it over, and it failed with its values
// only (probe 30, KM10). When the immediate partial (or, where the step has intermediates, the one-step derivative)
// in the place of such a derivative makes the check hold, at the file's values and a draw, it is named.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { derivAs } from './derivAs';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';
import { replaceWhere, VALUES } from './replacing';

type Deriv = Expr & { k: 'deriv' };

/** derivatives tried at most: each costs one evaluation of the side at every point */
const MAX_TRIED = 4;

/** the total derivatives ∂X_k/∂P in the side, X_k at a step of a Σ's variable k and P a parameter */
function candidates(e: Expr, run: Run, bound: ReadonlySet<string>, out: Deriv[]): void {
  if (e.k === 'deriv') {
    const v = e.of.k === 'ref' ? e.of.idx?.v : undefined;
    if (e.total && !e.oneStep && v && bound.has(v) && !e.wrt.idx && run.model.decls.get(e.wrt.name)?.kind === 'param') out.push(e);
    return;
  }
  if (e.k === 'sum') {
    candidates(e.body, run, new Set([...bound, e.v]), out);
    return;
  }
  forChildren(e, (x) => candidates(x, run, bound, out), VALUE_CHILDREN);
}

export function earlierCountedHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const ds: Deriv[] = [];
  candidates(c.rhs, run, new Set(), ds);
  for (const d of ds.slice(0, MAX_TRIED)) {
    // the immediate partial first (a step with no intermediates), then the one-step derivative (s_k = σ(a_k))
    for (const alt of [derivAs(d, false, false), derivAs(d, true, true)]) {
      const rhs = replaceWhere(c.rhs, (x) => (x === d ? alt : null), VALUES);
      const holds = guard(() => c.points.every((q) => close(run.evaluateShared(c.lhs, q.env).data, run.evaluateShared(rhs, q.env).data)));
      if (!holds || !confirmed(other, c.lhs, rhs, c.points)) continue;
      const how = alt.oneStep ? 'the one-step derivative' : 'the immediate partial';
      return (
        `${exprText(d)} is the total derivative: it also counts ${d.wrt.name}'s paths through the steps before ${exprText(d.of)}, ` +
        `which the Σ's earlier terms count again. With ${how} ${exprText(alt)} in its place the check holds`
      );
    }
  }
  return null;
}

// Kelleher's shared weights (Deep Learning, MIT Press): unrolled through time, a weight's gradient is the sum of its
// gradients at every step. ∂E/∂w_{i,k} = h_{T−1}[i] ∂E/∂z_T[k] is the last step's term alone: missingSum.ts names a
// missing Σ_t where the side is written at a free t; this names it where the side is written at the last step, T and
// T − 1: where the side's steps moved to a step s and summed over s = 1..T give the other side, here and at a draw.
import type { Expr, Idx } from '../../language/model';
import { mapIndicesOf, mentionedVars } from '../../language/resolve/walk';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';

const S = 's\u0305'; // a step letter no text writes (s̅), bound by the Σ made here

/** "A Σ over the steps is missing: the right side is the last step's term alone" where it is; else null */
export function lastStepOnlyHint(c: Claim, run: Run, other: OtherValues): string | null {
  const T = run.model.T;
  // ∂E/∂w_{i,k}, an entry of the gradient, is read as that entry of ∂E/∂w
  const d = c.lhs.k === 'index' ? c.lhs.a : c.lhs;
  if (T < 2 || c.freeT || d.k !== 'deriv' || d.wrt.idx !== null || d.of.k !== 'ref' || d.of.idx !== null) return null;
  if (run.model.decls.get(d.wrt.name)?.kind !== 'param' || mentionedVars(c.rhs).has('t')) return null;
  let last = false;
  let outside = false;
  const f = (i: Idx): Idx => {
    if (i.v !== null || i.terms?.length) return i;
    if (i.k === T) last = true;
    if (i.k < T - 2 || i.k > T) outside = true;
    return { v: S, k: i.k - T };
  };
  const body = mapIndicesOf(c.rhs, S, f);
  if (!last || outside) return null;
  const sum: Expr = { k: 'sum', v: S, from: { v: null, k: 1 }, to: { v: null, k: T }, body, shape: c.rhs.shape, range: c.rhs.range };
  if (!holdsWith(c, c.lhs, sum, run) || !confirmed(other, c.lhs, sum, c.points)) return null;
  return `A Σ over the steps is missing: the right side is the term of the last step T = ${T} alone, and its sum over every step (t = 1..${T}) is the left side — a shared weight's gradient adds its gradient at every step of the unrolled network`;
}

// A term with every step on t moved by d (termShiftHint's trial) reads at t what the term itself reads at t + d,
// when t stands in it only as the variable of its step indices: then the trial's screen reads the term, already
// compiled and often already evaluated at that step, instead of compiling and evaluating a moved copy.

import type { Expr, Idx } from '../../language/model';
import { forChildren } from '../../language/resolve';

/** v stands in the index other than as its own variable (t − i's t as a term, or an index on another variable) */
const otherwise = (i: Idx | null, v: string) => !!i?.terms?.some((x) => x.v === v);
const mentions = (i: Idx, v: string) => i.v === v || otherwise(i, v);

/**
 * every step index of e on v is v + k (moveSteps moves exactly those): no v read as a number, as a Σ/∏'s variable
 * or bound, nor as a further term of an index, which the move leaves as they are and the moved env would not
 */
export function stepShiftable(e: Expr, v: string): boolean {
  if (e.k === 'var') return !mentions(e.idx, v);
  if (e.k === 'ref' && otherwise(e.idx, v)) return false;
  if (e.k === 'deriv' && otherwise(e.wrt.idx, v)) return false;
  if ((e.k === 'sum' || e.k === 'prod') && (e.v === v || mentions(e.from, v) || mentions(e.to, v))) return false;
  let ok = true;
  forChildren(e, (c) => (ok &&= stepShiftable(c, v)));
  return ok;
}

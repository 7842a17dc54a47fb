// Skansi's ∂E/∂y_t = −(t_t − y_t): a solution whose slip (m1) drops the sign writes t_t − y_t for ∂E/∂y_t. A later
// −Σ_t (t_t − y_t) y_t (1 − y_t) h_t writes the same text, but under its minus: that is −∂E/∂y_t, the right form, no
// copy of the slip. carried.ts asks this before it says a side "carries over the mistake" of an earlier one.
import type { Expr } from '../../language/model';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';

/** node stands under a minus in side (a negation, or the subtracted term of a difference) */
export function underMinus(side: Expr, node: Expr): boolean {
  let found = false;
  const go = (e: Expr, negated: boolean): void => {
    if (found) return;
    if (e === node) {
      found = negated;
      return;
    }
    if (e.k === 'neg') return go(e.a, !negated);
    if (e.k === 'sub') {
      go(e.a, negated);
      go(e.b, !negated);
      return;
    }
    forChildren(e, (c) => go(c, negated), VALUE_CHILDREN);
  };
  go(side, false);
  return found;
}

// Whether the loss averages over the steps (d2l.ai's L = (1/T) Σ_t l_t): only then is a side T times the other
// "a factor 1/T missing". A loss that is a plain sum made a side off by the square's 2 read as a mean's 1/T when
// T = 2 ("it has a factor 1/T too many" for ∂L_1/∂h_1 = h_1 − y_1 under L_t = (y_t − h_t)^2). Read from the
// network's equations alone (no evaluation).

import type { Expr, Model } from '../../language/model';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { halvedLoss } from './halfLoss';

/** e divides by T (1/T, \frac{1}{T}), multiplies by 1/T written as a number, or takes a mean */
export function hasOneOverT(e: Expr, T: number): boolean {
  if (e.k === 'div' && e.b.k === 'num' && e.b.value === T) return true;
  if (e.k === 'mul' && [e.a, e.b].some((f) => f.k === 'num' && Math.abs(f.value * T - 1) < 1e-12)) return true;
  if (e.k === 'call' && e.fn === 'mean') return true;
  let found = false;
  if (e.k !== 'deriv') forChildren(e, (c) => (found ||= hasOneOverT(c, T)), VALUE_CHILDREN);
  return found;
}

/**
 * the loss, or the per-step quantity it sums (L = Σ_t L_t with L_t = (1/T) l_t), has a factor 1/T. With T = 2 a ½
 * that halves a square is the square's ½ (halfLoss.ts), not a mean
 */
export function averagesOverSteps(model: Model): boolean {
  const T = model.T;
  const loss = model.loss ? model.quantities.get(model.loss) : undefined;
  if (T < 2 || !loss?.general) return false;
  const body = loss.general.k === 'sum' ? loss.general.body : null;
  const step = body?.k === 'ref' ? model.quantities.get(body.name)?.general : null;
  if (!hasOneOverT(loss.general, T) && !(step && hasOneOverT(step, T))) return false;
  return T !== 2 || halvedLoss(model) === null;
}

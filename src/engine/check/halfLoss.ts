// The loss's ½ dropped: `∂L/∂o_t = 2(o_t − y_t)` under L_t = ½(y_t − o_t)². A side twice the other is named by
// constantFactor.ts ("the factor 2 should not be there"); a grader adds why: the ½ of the loss is there to cancel
// the 2 the square's derivative brings. Read from the network's equations alone (no evaluation).

import type { Expr, Model } from '../../language/model';
import { refText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';

const isHalf = (e: Expr) =>
  (e.k === 'num' && e.value === 0.5) || (e.k === 'div' && e.a.k === 'num' && e.a.value === 1 && e.b.k === 'num' && e.b.value === 2);

/** a square written in e: X^2 (a sum of squares, ‖·‖², sum((o − y)^2) included) */
function squares(e: Expr): boolean {
  if (e.k === 'pow' && e.b.k === 'num' && e.b.value === 2) return true;
  let found = false;
  if (e.k !== 'deriv') forChildren(e, (c) => (found ||= squares(c)), VALUE_CHILDREN);
  return found;
}

/** e is ½·(a square) or (a square)/2 at its top */
function halved(e: Expr): boolean {
  if (e.k === 'mul') return (isHalf(e.a) && squares(e.b)) || (isHalf(e.b) && squares(e.a));
  if (e.k === 'div') return e.b.k === 'num' && e.b.value === 2 && squares(e.a);
  if (e.k === 'sum') return halved(e.body);
  return false;
}

/**
 * the quantity whose equation halves a square, as named in the message ("L_t"): the loss itself, or the per-step
 * quantity it sums (L = Σ_t L_t); null when neither does
 */
export function halvedLoss(model: Model): string | null {
  return lossWhose(model, halved);
}

/**
 * the quantity whose equation squares with no ½ (𝓛_t = (t_t − y_t)²), as named in the message: a side half the other
 * has lost the 2 the square's derivative brings (seed 001's ∂𝓛/∂y_2 = −(t_2 − y_2)); null when neither squares so
 */
export function unhalvedSquareLoss(model: Model): string | null {
  return lossWhose(model, (e) => squares(e) && !halved(e));
}

/** the loss, or the per-step quantity it sums (L = Σ_t L_t), whose equation `is` accepts, as named in a message */
function lossWhose(model: Model, is: (e: Expr) => boolean): string | null {
  const loss = model.loss ? model.quantities.get(model.loss) : undefined;
  if (!loss?.general) return null;
  if (is(loss.general)) return refText(loss.name, null);
  const e = loss.general;
  const body = e.k === 'sum' ? e.body : null;
  if (body?.k !== 'ref') return null;
  const q = model.quantities.get(body.name);
  return q?.timed && q.general && is(q.general) ? refText(q.name, { v: 't', k: 0 }) : null;
}

// A fraction written upside down: the clipping rule g ← (θ/‖g‖) g with ‖g‖/θ (an I2DL-style homework, probe 35). The
// side failed with its values only: no term is a path, no factor is missing. Tried only where nothing else named the
// mistake: each quotient of two scalars the formula side writes, one of them no number (a constant's ratio is
// constantFactor.ts's), turned over; said where that makes the check hold at the file's values and at the draws.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { formulaOnRight } from './formulaSide';
import { guard } from './guard';
import type { Claim } from './hints';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';

/** quotients tried at most: each costs one evaluation at every point */
const MAX_TRIED = 6;

type Div = Expr & { k: 'div' };

/** an expression as printed, a Frobenius norm sqrt(sum(x ⊙ x)) as it was written, ‖x‖_F (of a vector, its ‖x‖) */
const shown = (e: Expr): string => exprText(e).replace(/sqrt\(sum\((.+?) ⊙ \1\)\)/gu, '‖$1‖_F');

/** the side's quotients of two scalars, not both numbers, in the order written (none inside a derivative) */
function quotients(e: Expr, out: Div[] = []): Div[] {
  if (e.k === 'div' && e.a.shape.length === 0 && e.b.shape.length === 0 && !(e.a.k === 'num' && e.b.k === 'num')) out.push(e);
  if (e.k !== 'deriv') forChildren(e, (x) => void quotients(x, out), VALUE_CHILDREN);
  return out;
}

export function fractionFlippedHint(c: Claim, run: Run, other: OtherValues): string | null {
  // the formula side first; then the other, which may be the formula where both are (‖(‖g‖/θ) g‖ = θ)
  const first = formulaOnRight(c);
  let tried = 0;
  for (const right of [first, !first]) {
    const side = right ? c.rhs : c.lhs;
    for (const q of quotients(side)) {
      if (tried++ >= MAX_TRIED) return null;
      // a division by 0 is said as one (1/(h_1 − h_1) divides by 0): turned over, its 0 makes the quotient 0, which
      // "holds" against a 0 side for no reason of the student's
      if (guard(() => c.points.some((p) => run.evaluateShared(q.b, p.env).data[0] === 0)) !== false) continue;
      const turned: Expr = { ...q, a: q.b, b: q.a };
      const flipped = replaceWhere(side, (x) => (x === q ? turned : null), VALUES);
      const [l, r] = right ? [c.lhs, flipped] : [flipped, c.rhs];
      if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
      return `${shown(q)} is upside down: with ${shown(turned)} the check holds`;
    }
  }
  return null;
}

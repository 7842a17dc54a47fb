// ∂⁺h_k/∂W is 0 where W reaches h_k through a named pre-activation a_k (Pascanu's Σ_k … ∂⁺h_k/∂W under a network
// that names a_k): zeroHint says so and names ∂h_k/∂W as the derivative meant. Which reading of it makes the formula
// hold is then tried, not assumed: a textbook's ∂⁺ is the step's own term (one step, earlier steps held fixed), and
// the total ∂h_k/∂W would count the earlier steps' paths twice in such a sum.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { derivAs } from './derivAs';
import { close, type Point } from './points';
import { EVERYWHERE, replacing } from './replacing';

type Deriv = Expr & { k: 'deriv' };

/**
 * the reading of the derivative meant for the immediate partial d (0 here) under which the check holds at its points and
 * at the draws — one step first, then the total — said as the end of zeroHint's sentence; null when neither does
 */
export function zeroMeantReading(
  sides: { lhs: Expr; rhs: Expr; points: readonly Point[] },
  d: Deriv,
  run: Run,
  values: OtherValues,
): string | null {
  for (const oneStep of [true, false]) {
    const by = derivAs(d, oneStep, true);
    const l = replacing(sides.lhs, d, by, EVERYWHERE);
    const r = replacing(sides.rhs, d, by, EVERYWHERE);
    if (l === sides.lhs && r === sides.rhs) return null;
    const holds = sides.points.every((p) => close(run.evaluateShared(l, p.env).data, run.evaluateShared(r, p.env).data));
    if (holds && confirmed(values, l, r, sides.points))
      return oneStep
        ? `, read as a one-step derivative (every node of another step held fixed: the step's own term): with it the check holds`
        : `, the total derivative: with it the check holds`;
  }
  return null;
}

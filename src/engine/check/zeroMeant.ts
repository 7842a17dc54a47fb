// ∂⁺h_k/∂W is 0 where W reaches h_k through a named pre-activation a_k (Pascanu's Σ_k … ∂⁺h_k/∂W under a network
// that names a_k): zeroHint says so and names ∂h_k/∂W as the derivative meant. Which reading of it makes the formula
// hold is then tried, not assumed: a textbook's ∂⁺ is the step's own term (one step, earlier steps held fixed), and
// the total ∂h_k/∂W would count the earlier steps' paths twice in such a sum.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { derivAs } from './derivAs';
import type { Claim } from './hints';
import { EVERYWHERE, replacing } from './replacing';
import { holdsWith } from './textbook';

type Deriv = Expr & { k: 'deriv' };

/**
 * the reading of the derivative meant for the immediate partial d (0 here) under which the check holds at its points and
 * at the draws — one step first, then the total — said as the end of zeroHint's sentence; null when neither does
 */
export function zeroMeantReading(c: Claim, d: Deriv, run: Run, values: OtherValues): string | null {
  for (const oneStep of [true, false]) {
    const by = derivAs(d, oneStep, true);
    const l = replacing(c.lhs, d, by, EVERYWHERE);
    const r = replacing(c.rhs, d, by, EVERYWHERE);
    if (l === c.lhs && r === c.rhs) return null;
    if (holdsWith(c, l, r, run) && confirmed(values, l, r, c.points))
      return oneStep
        ? `, read as a one-step derivative (every node of another step held fixed: the step's own term): with it the check holds`
        : `, the total derivative: with it the check holds`;
  }
  return null;
}

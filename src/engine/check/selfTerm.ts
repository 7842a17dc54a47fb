// The left side written again as a term of the right: CS231n's in-place `dnext_c = dnext_c + dnext_h ⊙ o ⊙ (1 −
// tanh²(next_c))`, code's reassignment (the gradient so far plus this step's part) copied as an equation. As an equation
// it says the rest of the right side is 0, and the term matcher named that rest as "should not be there" — where the
// student's slip is the reassignment itself. Structural: one print of the left side and of the right side's top-level
// terms, for a failing check whose left side is a gradient of the loss and whose right side is a sum.

import { exprText } from '../../language/print';
import type { Claim } from './hints';
import { termsOf } from './localFactor';

/** "∂L/∂c_t stands on both sides: …"; null where the right side has no term that is the left side */
export function selfTermHint(c: Claim): string | null {
  // a gradient of the loss (an untimed quantity), as code's dX is: a Jacobian written again beside a term of its own
  // (∂h_3/∂h_1 = ∂h_3/∂h_1 + I) keeps the term matcher's "no path" for that term
  const d = c.lhs;
  if ((c.rhs.k !== 'add' && c.rhs.k !== 'sub') || d.k !== 'deriv' || d.of.k !== 'ref' || d.of.idx) return null;
  const left = exprText(c.lhs);
  // the right side's top-level terms, signs dropped (the term that repeats the left side is sought among them)
  const all = termsOf(c.rhs).map((t) => t.e);
  const same = all.filter((x) => x.k === 'deriv' && exprText(x) === left);
  if (same.length !== 1) return null;
  const rest = all.filter((x) => x !== same[0]);
  const restText = rest.length === 1 ? `, ${exprText(rest[0]!)},` : '';
  return `${left} stands on both sides: as an equation it says that the rest of the right side${restText} is 0. Code's reassignment (CS231n's dnext_c = dnext_c + …: the gradient so far plus this step's part) is no equation — write ${left} as the sum of its parts`;
}

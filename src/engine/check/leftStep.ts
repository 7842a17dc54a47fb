// The right side of a derivative one step off the left side's: ∂L/∂h_{T−1} = W_dᵀ(∂L/∂s_1 ⊙ (1 − s_1²)), the formula of
// ∂L/∂h_T written for the step before it (an encoder's gradient taken at the hand-over's step). The other hints move
// the right side's steps, and a formula side with one derivative at a step of its own has no step to move there, so
// the check failed with its values alone. Here the left side's variable is moved one step either way: where the check
// then holds at every point and at the draws, the message says which derivative the right side is.

import type { Expr } from '../../language/model';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import type { Run } from '../run';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

export function leftStepHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const d = c.lhs;
  if (d.k !== 'deriv' || !d.wrt.idx) return null;
  const show = printerFor(c.text, run.model.T);
  for (const by of [1, -1]) {
    const moved: Expr & { k: 'deriv' } = { ...d, wrt: { ...d.wrt, idx: { ...d.wrt.idx, k: d.wrt.idx.k + by } } };
    if (holdsWith(c, moved, c.rhs, run) && confirmed(other, moved, c.rhs, c.points)) {
      const [at, asked] = [ref(moved), ref(d)].map(show);
      return `The right side is ${show(moved)}, not ${show(d)}: the derivative by ${at}, one step ${by > 0 ? 'after' : 'before'} ${asked}${by > 0 ? ` (to reach ${asked} it needs one more step back)` : ''}`;
    }
  }
  return null;
}

/** a derivative's variable as a reference at its step, for printing */
function ref(d: Expr & { k: 'deriv' }): Expr {
  return { k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape: [], range: d.range };
}

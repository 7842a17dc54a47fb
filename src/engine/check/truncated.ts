// The gradient of a loss Σ_t L_t by a shared parameter written with each step's loss taken through its own step
// only: seed 001's ∂L/∂W_xh as Σ_t ∂L_t/∂y_t ∂y_t/∂h_t σ'(…) x_t — σ'(…) x_t is the one-step ∂h_t/∂W_xh, and the
// paths through h_{t-1} (W_xh acts at every earlier step too) are left out. No derivative of h_t by W_xh is
// written, so the one-step re-reading cannot see it, and the check failed with no hint. When the other side equals
// Σ_t of the one-step ∂L_t/∂θ (LANGUAGE.md §5's one-step derivative: every node of an earlier step held fixed) at
// the file's values and at a draw, the message says so. One evaluation, asked only of ∂loss/∂param checks whose
// loss is a Σ over a timed quantity.

import type { Expr, Model } from '../../language/model';
import { exprText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { stepSumOf } from './stepSum';
import { holdsWith } from './textbook';

type Deriv = Expr & { k: 'deriv' };

/** Σ_t ∂L_t/∂θ with each ∂L_t/∂θ one-step, for d = ∂L/∂θ, L = Σ_t L_t and θ a shared parameter; else null */
function truncated(d: Expr, model: Model): Expr | null {
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.wrt.idx || d.of.k !== 'ref' || d.of.idx) return null;
  const decl = model.decls.get(d.wrt.name);
  if (decl?.kind !== 'param' || decl.perStep) return null;
  const g = stepSumOf(d.of.name, model);
  if (!g) return null;
  const step: Deriv = { ...d, of: g.body, oneStep: true };
  return { ...g, body: step, shape: d.shape };
}

/** "The right side is Σ_t ∂L_t/∂W_xh with each ∂L_t/∂W_xh taken one-step …" */
export function truncatedHint(c: Claim, run: Run, other: OtherValues): string | null {
  for (const [d, side, name] of [
    [c.lhs, c.rhs, 'right'],
    [c.rhs, c.lhs, 'left'],
  ] as const) {
    const s = truncated(d, run.model);
    if (!s || s.k !== 'sum' || s.body.k !== 'deriv') continue;
    if (!holdsWith(c, s, side, run) || !confirmed(other, s, side, c.points)) continue;
    const each = exprText({ ...s.body, oneStep: false });
    const theta = (d as Deriv).wrt.name;
    return (
      `The ${name} side is Σ_${s.v} ${each} with each ${each} taken one-step (within step ${s.v}, every node of an earlier step held fixed): ` +
      `it leaves out the paths through the earlier steps, where ${theta} acts too, which ${exprText(d)} counts ` +
      `(a factor written as the immediate ∂⁺ where the total derivative by ${theta} belongs, or ∂L_${s.v} where ∂L belongs)`
    );
  }
  return null;
}

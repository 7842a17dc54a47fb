// ∂h_t/∂h_{t−1} = diag(1 − z_t) under Cho et al.'s GRU, h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t: two slips at once, the
// other convention's gate pasted and the total derivative written for the cell's own path. Neither the total nor the
// immediate partial matches, so partialHint says nothing; read as the immediate partial, one edit of the formula
// (1 − z_t for z_t) makes it hold. Both are named: the edit, and what the total adds.

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { andList } from '../format';
import { stepOf, type Run } from '../run';
import type { OtherValues } from './confirm';
import { derivAs } from './derivAs';
import { factorEditHint, type FactorEditHint } from './factorEdit';
import { guard } from './guard';
import { through, type Claim } from './hints';
import type { Point } from './points';

export function partialEditHint(c: Claim, bad: Point, run: Run, other: OtherValues = null): FactorEditHint | null {
  for (const [d, side, left] of [
    [c.lhs, c.rhs, true],
    [c.rhs, c.lhs, false],
  ] as const) {
    // a total one-step Jacobian of one state by another (∂h_t/∂h_{t−1}), its other side a formula
    if (d.k !== 'deriv' || !d.total || d.oneStep || d.of.k !== 'ref' || side.k === 'deriv') continue;
    // of a state by a state at a step (not the loss's gradient ∂E/∂y_t, whose other paths the path hints name)
    const of = run.model.quantities.get(d.of.name);
    if (!d.of.idx || !d.wrt.idx || !of?.timed || of.isLoss || !run.model.quantities.get(d.wrt.name)?.timed) continue;
    const imm = derivAs(d, false, false);
    // the immediate partial must reach the state (it is 0 where B is not in A's own equation: nothing to name)
    if (c.points.every((p) => !guard(() => run.derivativeShared(imm.of, imm.wrt, p.env, false).reached))) continue;
    const p = c.points[0]!;
    const A = run.node(d.of.name, stepOf(d.of.idx, p.env));
    const B = run.node(d.wrt.name, stepOf(d.wrt.idx, p.env));
    const via = A && B ? guard(() => through(run, A, B, p.t)) : null;
    // only where the total adds paths through A's own quantities (the gates): else the two derivatives are one
    if (!via?.length) continue;
    // one term, as the direct path is written (diag(1 − z_t)): of a sum, an edit that drops a term says no more than
    // the path hints, which name the paths a written total leaves out
    if (side.k === 'add' || side.k === 'sub') continue;
    const claim: Claim = left ? { ...c, lhs: imm as Expr } : { ...c, rhs: imm as Expr };
    const edit = factorEditHint(claim, null, bad, run, other);
    if (!edit) continue;
    const wrt = refText(d.wrt.name, d.wrt.idx);
    return {
      text:
        `The other side is neither ${exprText(d)}, which counts every path (also those through ${andList(via)}), nor the ` +
        `immediate partial ${exprText(imm)} (only ${wrt}'s direct appearance in ${exprText(d.of)}'s own equation). ` +
        `As that partial it has a slip: ${edit.text.replace(/: with that the check holds$/, `: with that it is ${exprText(imm)}`)}`,
      culprit: edit.culprit,
    };
  }
  return null;
}

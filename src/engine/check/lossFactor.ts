// Σ_t ∂h_t/∂W_hh (1 − h_t²) h_{t−1} for Σ_t ∂L/∂h_t (1 − h_t²) h_{t−1} (probe 49, a Word answer): the state's derivative
// by the weight written where the loss's gradient by the state belongs — the chain's two ends mixed up, the factor the
// chain rule starts from replaced by the one it computes. No step move or factor edit mends it, so the check failed
// with its values alone. A derivative ∂A/∂B of the right side is tried as ∂loss/∂A; where the check then holds, at
// the file's values and the draws, it is named.

import type { Expr } from '../../language/model';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { exprText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replaceWhere } from './replacing';
import { holdsWith } from './textbook';

type Deriv = Expr & { k: 'deriv' };

/** at most this many derivatives of a side are tried (each a full evaluation at every point) */
const MAX_TRIED = 4;

export function lossFactorHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const loss = run.model.loss;
  if (!loss) return null;
  const found: Deriv[] = [];
  const walk = (e: Expr): void => {
    if (e.k === 'deriv') {
      // a derivative of a quantity of the network by another name, not already the loss's
      if (e.of.k === 'ref' && e.of.name !== loss && run.model.quantities.has(e.of.name)) found.push(e);
      return;
    }
    forChildren(e, walk, VALUE_CHILDREN);
  };
  walk(c.rhs);
  const walkAll = { children: VALUE_CHILDREN, stops: (x: Expr) => x.k === 'deriv' };
  for (const d of found.slice(0, MAX_TRIED)) {
    const of = d.of as Expr & { k: 'ref' };
    const m: Deriv = {
      k: 'deriv',
      total: true,
      of: { k: 'ref', name: loss, idx: null, shape: [], range: of.range },
      wrt: { name: of.name, idx: of.idx, range: of.range },
      shape: of.shape,
      range: d.range,
      ...(d.spelled ? { spelled: d.spelled } : {}),
    };
    const rhs = replaceWhere(c.rhs, (y) => (y === d ? m : null), walkAll);
    if (holdsWith(c, c.lhs, rhs, run) && confirmed(other, c.lhs, rhs, c.points))
      return `${exprText(d)} should be ${exprText(m)}: with that factor the check holds (the loss's gradient by ${exprText(of)}, where the chain rule starts)`;
  }
  return null;
}

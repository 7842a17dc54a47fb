// A failing check with ∂L/∂X of a loss refused as not a scalar (`loss L = h_T` with h a vector; LANGUAGE.md §6):
// ∂L/∂X is then a Jacobian, and the check is judged as written, but what the student most likely meant is the
// gradient of the summed loss. Said first in the cascade (the other hints would explain a Jacobian's mismatch
// at length): whether the check holds with L's entries summed, and the loss's line, where its error is.

import type { Expr } from '../../language/model';
import { displayName } from '../../language/print';
import { mapChildren } from '../../language/resolve/walk';
import { shapeText } from '../../language/shapes';
import type { Run } from '../run';
import { guard } from './guard';
import type { Claim } from './hints';
import { offSides } from './points';

/** the loss the file marks with `loss` when it is not a scalar (the model then has no loss) */
function refusedLoss(run: Run): { name: string; shape: number[]; line: number } | null {
  if (run.model.loss) return null;
  for (const q of run.model.quantities.values())
    if (q.isLoss && !q.timed && q.shape.length) return { name: q.name, shape: q.shape, line: q.line };
  return null;
}

/** e with every ∂L/∂X (and ∂⁺) of the loss L read as ∂sum(L)/∂X; null when it has none */
function summed(e: Expr, loss: string): Expr | null {
  let found = false;
  const go = (x: Expr): Expr => {
    if (x.k === 'deriv') {
      if (x.of.k !== 'ref' || x.of.name !== loss) return x;
      found = true;
      const of: Expr = { k: 'call', fn: 'sum', arg: x.of, shape: [], range: x.of.range };
      const shape = x.shape && x.shape.length > 1 ? x.shape.slice(1) : [];
      return { ...x, of, shape };
    }
    return mapChildren(x, go);
  };
  const out = go(e);
  return found ? out : null;
}

export function lossShapeHint(c: Claim, run: Run): string | null {
  const loss = refusedLoss(run);
  if (!loss) return null;
  const l = summed(c.lhs, loss.name);
  const r = summed(c.rhs, loss.name);
  if (!l && !r) return null;
  const name = displayName(loss.name);
  const head = `The loss ${name} is not a scalar (line ${loss.line}: a ${shapeText(loss.shape)}), so ∂${name}/∂X here is a Jacobian, not a gradient`;
  const holds = guard(() => offSides(c.points, l ?? c.lhs, r ?? c.rhs, run).length === 0);
  return holds ? `${head}; with its entries summed (loss ${name} = sum(…)) the check holds` : head;
}

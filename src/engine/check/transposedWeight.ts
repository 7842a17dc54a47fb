// A network that multiplies by a weight's transpose (MIT 6.S191's h_t = tanh(W_hhᵀ h_{t−1} + W_xhᵀ x_t)) has that
// weight's gradient the other way round: ∂L/∂W_hh = Σ_t h_{t−1} δ_tᵀ, the state first. A failing check whose right side
// is its left side transposed must then not say "the gradient comes first", the order of a network written W h.

import type { Expr, Model } from '../../language/model';
import { forChildren } from '../../language/resolve';

/** walk every right side of the network's equations: each quantity's general one and its overrides at given steps */
function eachEquation(model: Model, walk: (x: Expr) => void): void {
  for (const q of model.quantities.values()) {
    if (q.general) walk(q.general);
    for (const e of q.overrides.values()) walk(e);
  }
}

/** the network's equations multiply by NAME transposed (Wᵀ h) somewhere and by NAME itself nowhere */
export function entersTransposed(model: Model, name: string): boolean {
  let transposed = 0;
  let plain = 0;
  const walk = (x: Expr): void => {
    if (x.k === 'transpose' && x.a.k === 'ref' && x.a.name === name) {
      transposed++;
      return;
    }
    if (x.k === 'ref' && x.name === name) plain++;
    forChildren(x, walk);
  };
  eachEquation(model, walk);
  return transposed > 0 && plain === 0;
}

/**
 * whether the network multiplies `name` from the right of a matrix of rows (Géron's mini-batch X_(t) W_x, one row per
 * instance), and never otherwise: its gradient is then Xᵀ (∇ L), the rows' transpose first
 */
export function entersOnRight(model: Model, name: string): boolean {
  let right = 0;
  let other = 0;
  const walk = (x: Expr): void => {
    if (x.k === 'matmul' && x.b.k === 'ref' && x.b.name === name && x.a.shape.length === 2 && x.a.shape[0]! > 1) {
      right++;
      walk(x.a);
      return;
    }
    if (x.k === 'ref' && x.name === name) other++;
    forChildren(x, walk);
  };
  eachEquation(model, walk);
  return right > 0 && other === 0;
}

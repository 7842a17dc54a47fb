// deeplearning.ai's RNN-cell figure prints ∂a^{⟨t⟩}/∂W_ax = (1 − tanh(…)²) x^{⟨t⟩T} and ∂a^{⟨t⟩}/∂x^{⟨t⟩} =
// W_axᵀ (1 − tanh(…)²): the backward pass's gradients by W_ax and x with the upstream gradient (the notebook's
// da_next) left out, written as the derivative of the vector a. That derivative is a Jacobian, one row per entry of a
// (a 3×3×2 tensor by a 3×2 matrix); the right side has the shape of the variable, as a scalar's gradient by it has.
// The shape mismatch says so, and names the derivative a backward pass writes. A hint only: the equation fails with
// the mismatch, whatever its right side.
import type { Expr } from '../model';
import { same, shapeText } from '../shapes';
import { displayName, exprText } from '../print';
import { forChildren } from './walk';

function hasTranspose(e: Expr): boolean {
  let found = false;
  const look = (x: Expr): void => {
    if (found) return;
    if (x.k === 'transpose' && x.a.shape.length === 2) found = true;
    else forChildren(x, look);
  };
  look(e);
  return found;
}

/** the sentence after "shape mismatch: …", or '' when the left side is no vector's derivative against its variable's shape */
export function jacobianAsGradient(lhs: Expr, rhs: Expr, loss: string | null): string {
  if (lhs.k !== 'deriv' || lhs.of.shape.length !== 1 || lhs.alias) return '';
  const n = lhs.of.shape[0]!;
  const wrtShape = lhs.shape.slice(1);
  if (lhs.shape[0] !== n || !wrtShape.length || !same(wrtShape, rhs.shape)) return '';
  // a square Jacobian (∂h_t/∂h_{t-1}) against a vector is more often its diag left out (W_hh σ'(…): diagHint's,
  // probe12's pinned message); the figure's form transposes the weight, W_aaᵀ (1 − tanh(…)²), as a backward pass does
  if (wrtShape.length === 1 && wrtShape[0] === n && !hasTranspose(rhs)) return '';
  const v = exprText(lhs.of);
  const x = exprText({ k: 'ref', name: lhs.wrt.name, idx: lhs.wrt.idx, shape: wrtShape, range: lhs.wrt.range });
  const L = loss ? displayName(loss) : 'L';
  return `: ${exprText(lhs)}, the derivative of the vector ${v}, is a Jacobian with a row for each of its ${n} entries; the right side has the shape of ${x} (a ${shapeText(wrtShape)}), as a scalar's gradient by ${x} has. A backward pass writes ∂${L}/∂${x}, with the upstream gradient ∂${L}/∂${v} among its factors`;
}

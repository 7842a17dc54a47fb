// The gradient by a softmax's argument written for the gradient by its output: Chen's and Britz's ∂L/∂o_t = ŷ_t − y_t
// (o_t the logits) copied onto the output (of the loss or of one step's, E_3), `∂L/∂z_t = z_t − y_t` with z_t = softmax(W_hz h_t + b_z). The two differ by
// the softmax's Jacobian diag(z) − z zᵀ, so the check fails with its two vectors only. When the right side is the
// left side taken through that Jacobian (at the file's values and a draw), the message says which gradient it is.

import type { Expr } from '../../language/model';
import { displayName, refText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

export function softmaxInputHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const d = c.lhs;
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.of.shape.length !== 0) return null;
  const q = run.model.quantities.get(d.wrt.name);
  const g = q?.general;
  if (!q || g?.k !== 'call' || g.fn !== 'softmax' || d.shape.length !== 1) return null;
  // J g with J = diag(z) − z zᵀ (symmetric): z ⊙ g − z (zᵀ g), the gradient by the softmax's argument
  const shape = d.shape;
  const z: Expr = { k: 'ref', name: q.name, idx: d.wrt.idx, shape, range: d.range };
  const zg: Expr = { k: 'hadamard', a: z, b: d, shape, range: d.range };
  const dot: Expr = { k: 'call', fn: 'sum', arg: zg, shape: [], range: d.range };
  const byArg: Expr = { k: 'sub', a: zg, b: { k: 'mul', a: z, b: dot, shape, range: d.range }, shape, range: d.range };
  if (!holdsWith(c, byArg, c.rhs, run) || !confirmed(other, byArg, c.rhs, c.points)) return null;
  const show = printerFor(c.text, run.model.T);
  const out = refText(q.name, d.wrt.idx);
  const arg = g.arg;
  // the argument named in the network (ŷ_t = softmax(o_t)): its gradient is written by that name, at the left side's step
  const by =
    arg.k === 'ref'
      ? `it is ∂${show(d.of)}/∂${refText(arg.name, d.wrt.idx)}`
      : `name the argument in the network (o_t = ${show(arg)}) and write the gradient by it`;
  const where = arg.k === 'ref' ? refText(arg.name, d.wrt.idx) : `${show(arg)} in ${displayName(q.name)}${q.timed ? '_t' : ''}'s equation`;
  return (
    `The right side is the gradient by the softmax's argument (${where}), not by its output ${out}: the two differ by ` +
    `the softmax's Jacobian diag(${out}) − ${out} ${out}ᵀ; ${by}`
  );
}

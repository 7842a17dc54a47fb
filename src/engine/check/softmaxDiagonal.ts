// The softmax's Jacobian taken as diagonal (probe 48, Bahdanau et al.'s attention): `∂L/∂e_{ij} = α_{ij} ∂L/∂α_{ij}`
// for α_i = softmax(e_i). Every weight α_{ik} reads every score e_{ij} (the weights sum to one), so ∂L/∂e_{ij} =
// α_{ij}(∂L/∂α_{ij} − Σ_k α_{ik} ∂L/∂α_{ik}); the right side is the path through α_{ij} alone and the check failed
// with its two numbers only. When the left side is the right side less α_{ij} α_iᵀ ∂L/∂α_i (at the file's values and a
// draw), that term is named.

import type { Expr } from '../../language/model';
import { refText } from '../../language/print';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

export function softmaxDiagonalHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const l = c.lhs;
  // ∂L/∂e_{ij}: entry j of the gradient of a scalar by a vector
  if (l.k !== 'index' || l.j !== null || l.a.k !== 'deriv') return null;
  const d = l.a;
  if (!d.total || d.oneStep || d.of.shape.length !== 0 || d.shape.length !== 1) return null;
  // the softmax whose argument the variable is, at its own step
  let out: string | null = null;
  for (const q of run.model.quantities.values()) {
    const g = q.timed === (d.wrt.idx !== null) ? q.general : null;
    if (g?.k === 'call' && g.fn === 'softmax' && g.arg.k === 'ref' && g.arg.name === d.wrt.name && sameStep(g.arg)) out = q.name;
  }
  if (out === null) return null;
  const shape = d.shape;
  const y: Expr = { k: 'ref', name: out, idx: d.wrt.idx, shape, range: d.range };
  const gy: Expr = {
    k: 'deriv',
    total: true,
    of: d.of,
    wrt: { name: out, idx: d.wrt.idx, range: d.range },
    shape,
    range: d.range,
    spelled: undefined,
    oneStep: false,
  };
  const dot: Expr = { k: 'call', fn: 'sum', arg: { k: 'hadamard', a: y, b: gy, shape, range: d.range }, shape: [], range: d.range };
  const yj: Expr = { k: 'index', a: y, i: l.i, j: null, shape: [], range: d.range };
  const missing: Expr = { k: 'mul', a: yj, b: dot, shape: [], range: d.range };
  const mended: Expr = { k: 'sub', a: c.rhs, b: missing, shape: [], range: d.range };
  if (!holdsWith(c, c.lhs, mended, run) || !confirmed(other, c.lhs, mended, c.points)) return null;
  const show = printerFor(c.text, run.model.T);
  const vec = refText(out, d.wrt.idx);
  const of = show(d.of);
  const entry = show(yj);
  const score = show({
    k: 'index',
    a: { k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape, range: d.range },
    i: l.i,
    j: null,
    shape: [],
    range: d.range,
  });
  return (
    `The right side takes the path through ${entry} alone, the diagonal of the softmax's Jacobian: every entry of ${vec} ` +
    `reads ${score} (its entries sum to one), so it leaves out the term −${entry} Σ_k ${vec}[k] ∂${of}/∂${vec}[k]: with it the check holds`
  );
}

/** a reference at the equation's own step (t, no shift) or of no step */
function sameStep(r: Expr & { k: 'ref' }): boolean {
  return r.idx === null || (r.idx.v !== null && r.idx.k === 0 && !r.idx.terms?.length);
}

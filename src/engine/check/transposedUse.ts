// A weight read twice in its equation, once transposed: the AntisymmetricRNN's (W_h − W_hᵀ − γI) h_{t−1}. Its gradient
// has a part through each use, and the one through W_hᵀ is the transpose of the other's (negated for − W_hᵀ), so
// ∂L/∂W_h = Σ_t (δ_t h_{t−1}ᵀ − h_{t−1} δ_tᵀ). A side with the first part alone gave two values and no reason: where the
// side with its own transpose added (or taken away) holds, the part through Wᵀ is named. Structural until a square
// weight's gradient is checked that the network reads transposed; two evaluations.

import type { Expr } from '../../language/model';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import type { Run } from '../run';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';
import { valuesWhere } from './numeratorEdit';

/** the name of a quantity whose equation reads `w` transposed, or null */
function readsTransposed(run: Run, w: string): string | null {
  const isWT = (x: Expr): x is Expr & { k: 'transpose' } => x.k === 'transpose' && x.a.k === 'ref' && x.a.name === w;
  for (const q of run.model.quantities.values())
    if (q.general && valuesWhere(q.general, isWT).length) return q.timed ? `${q.name}_t` : q.name;
  return null;
}

export function transposedUseHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const d = c.lhs;
  if (d.k !== 'deriv' || !d.total || d.of.shape.length !== 0 || d.wrt.idx) return null;
  const s = c.rhs.shape;
  if (s?.length !== 2 || s[0] !== s[1] || s[0]! < 2 || run.model.decls.get(d.wrt.name)?.kind !== 'param') return null;
  const q = readsTransposed(run, d.wrt.name);
  if (!q) return null;
  const turned: Expr = { k: 'transpose', a: c.rhs, shape: s, range: c.rhs.range };
  for (const op of ['sub', 'add'] as const) {
    const rhs: Expr = { k: op, a: c.rhs, b: turned, shape: s, range: c.rhs.range };
    if (!holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
    const w = d.wrt.name;
    // the side as written: δ_t by its letter, the steps written T as T
    const show = printerFor(c.text, run.model.T, true);
    return `The right side leaves out the part through ${w}ᵀ, which ${q}'s equation also reads: that part is the right side transposed${op === 'sub' ? ' and negated' : ''}, ${op === 'sub' ? '−' : '+'}(${show(c.rhs)})ᵀ; with it the check holds`;
  }
  return null;
}

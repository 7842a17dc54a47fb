// CS224n's ∂J^{(t)}/∂H = (h^{(t-1)})ᵀ δ^{(t)}: the derivative by H's copy at step t, ∂J^{(t)}/∂H|_{(t)}, written for the
// total, which also counts H's uses at the steps before t. It failed with its values only (probe 33, s6). Where the
// other side equals the step copy of the left side's shared parameter at the left side's own step — at every point,
// at the file's values and a draw — the message says so.

import type { Expr, Idx } from '../../language/model';
import { stepUsers } from '../../language/resolve/stepCopy';
import { exprText } from '../../language/print';
import type { Env, Run } from '../run';
import { atDraws, type OtherValues } from './confirm';
import { guard } from './guard';
import type { Claim } from './hints';
import { close } from './points';

/** Σ_X ∂A/∂X_s · ∂⁺X_s/∂W at env, A a scalar at step s (idx), its entries in W's order; null where not computed */
function stepCopy(run: Run, a: Expr & { k: 'ref' }, idx: Idx, w: string, xs: string[], env: Env): Float64Array | null {
  let out: Float64Array | null = null;
  for (const x of xs) {
    const q = run.model.quantities.get(x)!;
    const at: Expr & { k: 'ref' } = { k: 'ref', name: x, idx, shape: q.shape, range: a.range };
    const g = run.derivativeShared(a, { name: x, idx }, env, true).tensor.data;
    const j = run.derivativeShared(at, { name: w, idx: null }, env, false).tensor.data;
    const n = g.length;
    if (n === 0 || j.length % n !== 0) return null;
    const m = j.length / n;
    out ??= new Float64Array(m);
    if (out.length !== m) return null;
    for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) out[k]! += g[i]! * j[i * m + k]!;
  }
  return out;
}

export function stepCopyMeantHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const d = c.lhs;
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.wrt.idx || d.of.k !== 'ref' || !d.of.idx) return null;
  const a = d.of;
  const idx = a.idx!;
  const decl = run.model.decls.get(d.wrt.name);
  const q = run.model.quantities.get(a.name);
  if (decl?.kind !== 'param' || decl.perStep || !q?.timed || (q.shape.length && q.shape.reduce((x, y) => x * y, 1) !== 1)) return null;
  const xs = stepUsers(run.model.quantities, d.wrt.name);
  if (!xs.length) return null;
  // the copy must differ from the total somewhere (at t = 1 they agree), and the other side be the copy everywhere
  const matches = (r: Run): boolean => {
    let differs = false;
    for (const p of c.points) {
      const copy = stepCopy(r, a, idx, d.wrt.name, xs, p.env);
      const rhs = r.evaluateShared(c.rhs, p.env).data;
      if (!copy || copy.length !== rhs.length || !close(copy, rhs)) return false;
      if (!close(copy, r.evaluateShared(c.lhs, p.env).data)) differs = true;
    }
    return differs;
  };
  if (guard(() => matches(run)) !== true || !atDraws(other, matches)) return null;
  const w = d.wrt.name;
  const step = idx.v === null ? String(idx.k) : idx.k === 0 ? idx.v : `${idx.v}${idx.k > 0 ? '+' : ''}${idx.k}`;
  return `The right side is ${exprText(d)}|_{(${step})}, the derivative by ${w}'s copy at step ${step} alone (${w}'s use in that step's own equations): ${exprText(d)} also counts ${w}'s uses at the earlier steps, which reach ${exprText(a)} through the states, ${exprText(d)} = Σ_{k=1}^{${step}} ${exprText(d)}|_{(k)}`;
}

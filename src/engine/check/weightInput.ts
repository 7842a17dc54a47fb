// Géron's GRU multiplies W_hg by r_(t) ⊗ h_(t−1) (g_(t) = tanh(W_xgᵀ x_(t) + W_hgᵀ (r_(t) ⊗ h_(t−1)) + b_g)), so
// ∂L/∂W_hg = Σ_t (r_(t) ⊗ h_(t−1)) (…)ᵀ. Written with h_(t−1) alone (the gate left out) it failed with its values only:
// where a parameter multiplies one expression in the network (W X or Wᵀ X) and the side writes one of that
// expression's names where the whole belongs, the message names the whole: "h_{t-1} should be r_t ⊙ h_{t-1}".
import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';

/** the one expression NAME multiplies in the network (W X, Wᵀ X), and the quantity it is in; else null */
function multiplied(run: Run, name: string): { x: Expr; q: string } | null {
  const found: { x: Expr; q: string }[] = [];
  for (const q of run.model.quantities.values()) {
    const walk = (e: Expr): void => {
      if (e.k === 'matmul' || e.k === 'mul') {
        const w = e.a.k === 'transpose' ? e.a.a : e.a;
        if (w.k === 'ref' && w.name === name) found.push({ x: e.b, q: q.name });
      }
      forChildren(e, walk);
    };
    if (q.general) walk(q.general);
  }
  return found.length === 1 ? found[0]! : null;
}

const sameRef = (a: Expr, b: Expr): boolean =>
  a.k === 'ref' && b.k === 'ref' && a.name === b.name && a.idx?.v === b.idx?.v && a.idx?.k === b.idx?.k && !a.idx?.terms && !b.idx?.terms;

/** "h_{t-1} should be r_t ⊙ h_{t-1}, what W_hg multiplies in g_t's equation" where that mends the check; else null */
export function weightInputHint(c: Claim, run: Run, other: OtherValues): string | null {
  const d = c.lhs;
  if (d.k !== 'deriv' || run.model.decls.get(d.wrt.name)?.kind !== 'param') return null;
  const m = multiplied(run, d.wrt.name);
  // a product of names only: a lone name (W h_{t-1}) has nothing to leave out
  if (!m || m.x.k === 'ref' || m.x.k === 'transpose') return null;
  const parts: Expr[] = [];
  const collect = (e: Expr): void => {
    if (e.k === 'ref') parts.push(e);
    else forChildren(e, collect);
  };
  collect(m.x);
  for (const part of parts) {
    let hit: Expr | null = null;
    const rhs = replaceWhere(
      c.rhs,
      (x) => {
        if (hit || !sameRef(x, part)) return null;
        hit = x;
        return m.x;
      },
      VALUES,
    );
    if (!hit || !holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
    return `${exprText(hit)} should be ${exprText(m.x)}, what ${d.wrt.name} multiplies in ${m.q}_t's equation: with that the check holds`;
  }
  return null;
}

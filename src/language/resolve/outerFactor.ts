// Sak et al.'s projection: ∂E/∂W_rm = Σ_t ∂E/∂r_t r_tᵀ, the outer product written with the projection's output where its
// input m_t belongs. The sides' shapes differ (2×3 against 2×2) and the message said only that. A weight's gradient is
// the outer product of the gradient at the weight's result and what the weight multiplies: where the side writes one
// whose right factor has the wrong size, the message names it and what the weight multiplies in the network's equation.

import type { Expr } from '../model';
import { exprText } from '../print';
import { forChildren } from './walk';
import type { Scope } from './scope';

/** the outermost u vᵀ of two vectors in e (not inside a derivative), or null */
function outerProduct(e: Expr): { u: Expr; v: Expr } | null {
  let found: { u: Expr; v: Expr } | null = null;
  const look = (x: Expr): void => {
    if (found || x.k === 'deriv') return;
    if (x.k === 'matmul' && x.a.shape?.length === 1 && x.b.k === 'transpose' && x.b.a.shape?.length === 1) found = { u: x.a, v: x.b.a };
    else forChildren(x, look);
  };
  look(e);
  return found;
}

/** what W multiplies (W x, a vector) in an equation of the network, as written there; null where none */
function multiplied(scope: Scope, w: string, n: number): { x: Expr; of: string } | null {
  let found: Expr | null = null;
  const look = (x: Expr): void => {
    if (found) return;
    if ((x.k === 'matmul' || x.k === 'contract') && x.a.k === 'ref' && x.a.name === w && x.b.shape?.length === 1 && x.b.shape[0] === n)
      found = x.b;
    else forChildren(x, look);
  };
  for (const q of scope.quantities.values()) {
    if (q.general) look(q.general);
    if (found) return { x: found, of: q.name };
  }
  return null;
}

/** the shape-mismatch message's hint for a weight's gradient whose outer product has a right factor of the wrong size */
export function outerFactorHint(lhs: Expr, rhs: Expr, scope: Scope): string {
  if (lhs.k !== 'deriv' || lhs.of.shape?.length !== 0 || lhs.shape?.length !== 2 || rhs.shape?.length !== 2) return '';
  const [m, n] = lhs.shape as [number, number];
  const o = outerProduct(rhs);
  if (!o || o.u.shape[0] !== m || o.v.shape[0] === n) return '';
  const w = lhs.wrt.name;
  const x = multiplied(scope, w, n);
  const what = x ? `: what ${w} multiplies in ${x.of}'s equation, ${exprText(x.x)}` : '';
  return `: in the outer product ${exprText(o.u)} ${exprText(o.v)}ᵀ, ${exprText(o.v)} (a vector of ${o.v.shape[0]}) stands where ${w}'s gradient needs a vector of ${n}${what}`;
}

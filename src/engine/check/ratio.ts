// A derivative written without its ∂: seed 001's (27) reads \frac{h_t}{W_{hh}} = \frac{∂σ(…)}{∂W_{hh}}, a
// ratio of two values where ∂h_t/∂W_hh was meant. When a side is such a ratio of two names and the check
// holds with the derivative in its place (as written, or read as one-step), the failure says so.

import type { Expr, Model } from '../../language/model';
import { exprText } from '../../language/print';
import { mapChildren } from '../../language/resolve';
import { RunError, type Run } from '../run';
import type { Claim } from './hints';
import { close, evaluateSides } from './points';
import { rereadOneStep } from './reread';

type Ref = Expr & { k: 'ref' };

const THROUGH = new Set<Expr['k']>(['neg', 'transpose', 'add', 'sub', 'mul', 'hadamard', 'matmul', 'contract', 'div', 'pow']);

/** the side with every scalar ratio of two names A/B replaced by ∂A/∂B, or null when it has none */
function withDerivatives(e: Expr, model: Model, found: string[]): Expr {
  if (
    e.k === 'div' &&
    e.a.k === 'ref' &&
    e.b.k === 'ref' &&
    e.a.shape.length === 0 &&
    e.b.shape.length === 0 &&
    model.quantities.has(e.a.name) &&
    (model.quantities.has(e.b.name) || model.decls.has(e.b.name))
  ) {
    const a = e.a as Ref;
    const b = e.b as Ref;
    found.push(`${exprText(e)} is a ratio of two values where ∂${exprText(a)}/∂${exprText(b)} was meant (its ∂ is missing)`);
    return { k: 'deriv', total: true, of: a, wrt: { name: b.name, idx: b.idx, range: b.range }, shape: [], range: e.range };
  }
  // through sums, products, quotients and powers only: not into a call, a literal, an entry, a Σ/∏ or a derivative
  return THROUGH.has(e.k) ? mapChildren(e, (x) => withDerivatives(x, model, found)) : e;
}

const holds = (c: Claim, lhs: Expr, rhs: Expr, run: Run): boolean =>
  evaluateSides(c.points, lhs, rhs, run).every((s) => close(s.l.data, s.r.data));

/** "h_t/W_hh is a ratio; ∂h_t/∂W_hh was meant: with it the check holds as a one-step derivative" */
export function ratioHint(c: Claim, model: Model, run: Run): string | null {
  const found: string[] = [];
  const lhs = withDerivatives(c.lhs, model, found);
  const rhs = withDerivatives(c.rhs, model, found);
  if (!found.length) return null;
  try {
    const what = `The side ${found.join('; ')}`;
    if (holds(c, lhs, rhs, run)) return `${what}: with it the check holds`;
    const rr = rereadOneStep(lhs, rhs, model);
    if (rr && holds(c, rr.lhs, rr.rhs, run)) return `${what}: with it the check holds as a one-step derivative`;
  } catch (e) {
    if (!(e instanceof RunError)) throw e;
  }
  return null;
}

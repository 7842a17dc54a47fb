// A derivative written upside down: Pascanu et al.'s Σ_k ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂θ with ∂x_k/∂x_t, a slip of a
// student copying the chain. ∂x_k/∂x_t is 0 for k < t and I at k = t, so the side reduces to each step's own term
// and the failure was named as a sum taken one-step, which is not what was written. When one derivative of two
// same-shaped names, its numerator and denominator swapped, makes the check hold at every point, it is named.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren } from '../../language/resolve';
import { RunError, type Run } from '../run';
import type { Claim } from './hints';
import { offSides } from './points';
import { EVERYWHERE, replacing } from './replacing';
import { unreadable } from './unreadable';

type Deriv = Expr & { k: 'deriv' };

/** derivatives tried per side: each is a whole evaluation of the side at every point */
const MAX_TRIED = 6;

function derivs(e: Expr, out: Deriv[]): void {
  if (e.k === 'deriv') out.push(e);
  else forChildren(e, (c) => derivs(c, out));
}

/** the name's shape, for a quantity or a declared name; null when it has none */
function shapeOf(run: Run, name: string): readonly number[] | null {
  return run.model.quantities.get(name)?.shape ?? run.model.decls.get(name)?.shape ?? null;
}

/** ∂B/∂A for ∂A/∂B, when A is a name of B's shape (the Jacobian keeps its shape); else null */
function flipped(d: Deriv, run: Run): Deriv | null {
  if (d.of.k !== 'ref') return null;
  const of = shapeOf(run, d.of.name);
  const wrt = shapeOf(run, d.wrt.name);
  if (!of || !wrt || of.length !== wrt.length || of.some((n, i) => n !== wrt[i])) return null;
  return {
    ...d,
    of: { k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape: d.of.shape, range: d.wrt.range },
    wrt: { name: d.of.name, idx: d.of.idx, range: d.of.range },
  };
}

/**
 * whether the written derivative may be 0 at a point of the claim: an upside-down ∂A/∂B asks how an earlier
 * value moves with a later one, which is 0 (∂h_k/∂h_t for k < t), or I where both are one node. One that is
 * nonzero at every point is the right way up (the graph has no cycle), so its flip is not tried: in a scalar
 * network every derivative has the shape of its flip, and each trial evaluates the side at every point. One that
 * does not evaluate alone (a Σ's index in it, as in Pascanu's Σ_k ∂x_t/∂x_k) may be 0: it is tried.
 */
function zeroSomewhere(d: Deriv, claim: Claim, run: Run): boolean {
  for (const p of claim.points) {
    try {
      if (run.evaluateShared(d, p.env).data.every((x) => x === 0)) return true;
    } catch (x) {
      if (x instanceof RunError) return true;
      throw x;
    }
  }
  return false;
}

export function invertedHint(claim: Claim, run: Run): string | null {
  for (const side of ['rhs', 'lhs'] as const) {
    const ds: Deriv[] = [];
    derivs(claim[side], ds);
    for (const d of ds.slice(0, MAX_TRIED)) {
      const f = flipped(d, run);
      if (!f || !zeroSomewhere(d, claim, run)) continue;
      const e = replacing(claim[side], d, f, EVERYWHERE);
      const [lhs, rhs] = side === 'rhs' ? [claim.lhs, e] : [e, claim.rhs];
      if (claim.points.some((p) => unreadable(e, p.env, run))) continue;
      try {
        if (offSides(claim.points, lhs, rhs, run).length) continue;
      } catch (x) {
        if (x instanceof RunError) continue;
        throw x;
      }
      return `${exprText(d)} is upside down (its numerator and denominator swapped): with ${exprText(f)} in its place the check holds`;
    }
  }
  return null;
}

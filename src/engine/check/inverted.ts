// A derivative written upside down: Pascanu et al.'s Σ_k ∂E_t/∂x_t ∂x_t/∂x_k ∂⁺x_k/∂θ with ∂x_k/∂x_t, a slip of a
// student copying the chain. ∂x_k/∂x_t is 0 for k < t and I at k = t, so the side reduces to each step's own term
// and the failure was named as a sum taken one-step, which is not what was written. When one derivative of two
// same-shaped names, its numerator and denominator swapped, makes the check hold at every point, it is named.

import type { Expr, Idx } from '../../language/model';
import { exprText } from '../../language/print';
import { idxValue } from '../../language/idx';
import { forChildren } from '../../language/resolve';
import { RunError, type Run } from '../run';
import { shortcuts } from './shortcuts';
import type { Claim } from './hints';
import { anyOff } from './points';
import { EVERYWHERE, replacing } from './replacing';
import { unreadable } from './unreadable';

type Deriv = Expr & { k: 'deriv' };

/** derivatives tried per side: each is a whole evaluation of the side at every point */
const MAX_TRIED = 6;

/** a Σ/∏ around a derivative: its variable and bounds */
type Around = { v: string; from: Idx; to: Idx };

/** the side's derivatives, each with the Σ/∏ it stands in (outermost first) */
function derivs(e: Expr, out: { d: Deriv; around: Around[] }[], around: Around[] = []): void {
  if (e.k === 'deriv') out.push({ d: e, around });
  else if (e.k === 'sum' || e.k === 'prod') {
    const inner = [...around, { v: e.v, from: e.from, to: e.to }];
    derivs(e.body, out, inner);
  } else forChildren(e, (c) => derivs(c, out, around));
}

/** values of a Σ/∏ variable enumerated per point: more and the test gives up (the flip is tried, as before) */
const MAX_TERMS = 1000;

/**
 * whether ∂A/∂B, as written, runs forward at every term of every point (A at or after B on the tape: B can reach A)
 * and its flip ∂B/∂A is 0 at some: then the flip only deletes terms, no slip of an upside-down derivative. Khapra's
 * Σ_{k=1}^{4} ∂s_4/∂s_k ∂s_k/∂W (∂s_k/∂W for ∂⁺s_k/∂W) held with ∂s_k/∂s_4, which keeps the term k = 4 alone, and was
 * named "∂s_4/∂s_k is upside down" where ∂s_4/∂s_k is the lecture's own factor (probe 30, KM10). The Σ's variable is
 * read at every value of its range; a step that does not resolve, or a node the run lacks, says nothing (false).
 */
function forwardEverywhere(d: Deriv, around: Around[], claim: Claim, run: Run): boolean {
  if (d.of.k !== 'ref') return false;
  const of = d.of;
  let count = 0;
  let later = false;
  const visit = (env: Record<string, number>, i: number): boolean => {
    if (i < around.length) {
      const a = around[i]!;
      const lo = idxValue(a.from, env);
      const hi = idxValue(a.to, env);
      if (lo === undefined || hi === undefined) return false;
      for (let k = lo; k <= hi; k++) if (!visit({ ...env, [a.v]: k }, i + 1)) return false;
      return true;
    }
    if (++count > MAX_TERMS) return false;
    const s = of.idx ? idxValue(of.idx, env) : null;
    const r = d.wrt.idx ? idxValue(d.wrt.idx, env) : null;
    if (s === undefined || r === undefined) return false;
    const A = run.node(of.name, s);
    const B = run.node(d.wrt.name, r);
    if (!A || !B || A.id < B.id) return false;
    if (A.id > B.id) later = true;
    return true;
  };
  for (const p of claim.points) if (!visit(p.env as Record<string, number>, 0)) return false;
  return later;
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
 * whether ∂A/∂B may be upside down at a point of the claim: its flip ∂B/∂A is 0 wherever A comes after B on the
 * tape (B cannot depend on a later node), so then the flip would only put a 0 in its place. Read from the nodes'
 * tape positions, which costs no evaluation: in a scalar network every derivative has the shape of its flip, and
 * each trial evaluates the side at every point. A step that does not resolve alone (a Σ's index, as in Pascanu's
 * Σ_k ∂x_t/∂x_k) or a node the run lacks may be either way: the flip is tried.
 */
function mayBeUpsideDown(d: Deriv, claim: Claim, run: Run): boolean {
  if (d.of.k !== 'ref') return true;
  for (const p of claim.points) {
    const env = p.env as Record<string, number>;
    const s = d.of.idx ? idxValue(d.of.idx, env) : null;
    const r = d.wrt.idx ? idxValue(d.wrt.idx, env) : null;
    if (s === undefined || r === undefined) return true;
    const A = run.node(d.of.name, s);
    const B = run.node(d.wrt.name, r);
    if (!A || !B || A.id <= B.id) return true;
  }
  return false;
}

export function invertedHint(claim: Claim, run: Run): string | null {
  for (const side of ['rhs', 'lhs'] as const) {
    const ds: { d: Deriv; around: Around[] }[] = [];
    derivs(claim[side], ds);
    for (const { d, around } of ds.slice(0, MAX_TRIED)) {
      const f = flipped(d, run);
      if (!f || (shortcuts.on && !mayBeUpsideDown(d, claim, run))) continue;
      if (around.length && forwardEverywhere(d, around, claim, run)) continue;
      const e = replacing(claim[side], d, f, EVERYWHERE);
      const [lhs, rhs] = side === 'rhs' ? [claim.lhs, e] : [e, claim.rhs];
      if (claim.points.some((p) => unreadable(e, p.env, run))) continue;
      try {
        if (anyOff(claim.points, lhs, rhs, run)) continue;
      } catch (x) {
        if (x instanceof RunError) continue;
        throw x;
      }
      return `${exprText(d)} is upside down (its numerator and denominator swapped): with ${exprText(f)} in its place the check holds`;
    }
  }
  return null;
}

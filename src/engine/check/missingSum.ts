// A Σ over the steps left out: ∂L/∂b = diag(1 − h_t²) ∇_{h_t} L (Goodfellow's 10.23 without its Σ_t), or
// ∂L/∂W_hh = ∂L/∂h_t h_{t-1}ᵀ. One side names no step, the other is one step's term: the check is judged at every t
// and fails at the first, where the cascade named a left-out path of that step (a coincidence of t = 1) or nothing.
// When Σ_t of the step's side is the other side, at the file's values and at a draw, the message says the Σ is
// missing. One evaluation of the sum (and one at the draw), asked only of checks whose t is on one side alone.

import type { Expr, Idx } from '../../language/model';
import { mentionedVars } from '../../language/resolve/walk';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';
import { formulaOnRight } from './formulaSide';

/** the check's steps as one run a..b of its one free step v (every point reads v alone); else null */
function stepRun(c: Claim): { a: number; b: number; v: string } | null {
  const ts: number[] = [];
  let v: string | null = null;
  for (const p of c.points) {
    const keys = Object.keys(p.env);
    if (keys.length !== 1 || (v !== null && keys[0] !== v)) return null;
    v = keys[0]!;
    // the free t is the point's step; a free n (no step of the point's own) is its value in the environment
    const at = p.t ?? p.env[v];
    if (typeof at !== 'number') return null;
    ts.push(at);
  }
  if (ts.length < 2 || v === null) return null;
  for (let i = 1; i < ts.length; i++) if (ts[i] !== ts[i - 1]! + 1) return null;
  return { a: ts[0]!, b: ts[ts.length - 1]!, v };
}

/** "A Σ_t is missing: the right side is the term of one step t; Σ_{t=1}^{3} of it is the left side" */
export function missingSumHint(c: Claim, run: Run, other: OtherValues): string | null {
  const steps = stepRun(c);
  // the free step t, or MIT 6.390's and Roelants's n (N) read as a free step: (δ^{s_n} ⊙ (1 − s_n²)) x_nᵀ for ∂L/∂W^{sx}
  if (!steps || !(c.freeT ? steps.v === 't' : steps.v === 'n' || steps.v === 'N')) return null;
  const t = steps.v;
  for (const [step, whole, name, otherName] of [
    [c.rhs, c.lhs, 'right', 'left'],
    [c.lhs, c.rhs, 'left', 'right'],
  ] as const) {
    if (!mentionedVars(step).has(t) || mentionedVars(whole).has(t)) continue;
    const at = (k: number): Idx => ({ v: null, k });
    const sum: Expr = { k: 'sum', v: t, from: at(steps.a), to: at(steps.b), body: step, shape: step.shape, range: step.range };
    // neither side reads the free step now: one point judges it
    const one = { ...c, points: [c.points[0]!] };
    const [l, r] = name === 'right' ? [whole, sum] : [sum, whole];
    if (!holdsWith(one, l, r, run) || !confirmed(other, l, r, one.points)) continue;
    const whole1 = steps.a === 1 && steps.b === run.model.T;
    const sigma = whole1 ? `Σ_${t}` : `Σ_{${t}=${steps.a}}^{${steps.b}}`;
    // the side that sums is the formula (∂L_t/∂o_t = Σ_t (o_t − y_t): the right side, unless it is a lone derivative
    // and the left is not, as constantFactor.ts reads it) and no lone derivative: its Σ is one too many, not missing
    const formula = formulaOnRight(c) ? 'right' : 'left';
    if (formula === otherName && whole.k !== 'deriv') {
      return whole.k === 'sum'
        ? `The ${sigma} should not be there: the ${name} side is the term of one step ${t}, and the ${otherName} side sums it over ${t} = ${steps.a}..${steps.b}`
        : `The ${otherName} side sums over the steps (${t} = ${steps.a}..${steps.b}) what the ${name} side is for one step ${t}: only step ${t}'s term belongs there`;
    }
    return `A ${sigma} is missing: the ${name} side is the term of one step ${t}, and ${sigma} of it (${t} = ${steps.a}..${steps.b}) is the ${otherName} side`;
  }
  return null;
}

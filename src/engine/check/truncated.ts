// The gradient of a loss Σ_t L_t by a shared parameter written with each step's loss taken through its own step
// only: seed 001's ∂L/∂W_xh as Σ_t ∂L_t/∂y_t ∂y_t/∂h_t σ'(…) x_t — σ'(…) x_t is the one-step ∂h_t/∂W_xh, and the
// paths through h_{t-1} (W_xh acts at every earlier step too) are left out. No derivative of h_t by W_xh is
// written, so the one-step re-reading cannot see it, and the check failed with no hint. When the other side equals
// Σ_t of the one-step ∂L_t/∂θ (LANGUAGE.md §5's one-step derivative: every node of an earlier step held fixed) at
// the file's values and at a draw, the message says so. One evaluation, asked only of ∂loss/∂param checks whose
// loss is a Σ over a timed quantity.

import type { Expr, Model } from '../../language/model';
import { exprText } from '../../language/print';
import type { Run } from '../run';
import { atDraws, confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { stepSumOf } from './stepSum';
import { holdsWith } from './textbook';
import { forChildren } from '../../language/resolve';
import { bindVar } from '../subst';
import { guard } from './guard';
import { close } from './points';
import { derivAs } from './derivAs';

type Deriv = Expr & { k: 'deriv' };

/** Σ_t ∂L_t/∂θ with each ∂L_t/∂θ one-step, for d = ∂L/∂θ, L = Σ_t L_t and θ a shared parameter; else null */
function truncated(d: Expr, model: Model): Expr | null {
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.wrt.idx || d.of.k !== 'ref' || d.of.idx) return null;
  const decl = model.decls.get(d.wrt.name);
  if (decl?.kind !== 'param' || decl.perStep) return null;
  const g = stepSumOf(d.of.name, model);
  if (!g) return null;
  const step = derivAs(d, true, d.total, g.body);
  return { ...g, body: step, shape: d.shape };
}

/** a number written as one: 2, 1/2, \frac{1}{2} */
function constant(e: Expr): number | null {
  if (e.k === 'num') return e.value;
  if (e.k === 'div' && e.a.k === 'num' && e.b.k === 'num' && e.b.value !== 0) return e.a.value / e.b.value;
  return null;
}

/** an inline loss Σ_v E_v, or k Σ_v E_v and Σ_v E_v / k with k a number (an exam's E = ½ Σ_t (y_t − d_t)^2) */
interface InlineSum {
  sum: Expr & { k: 'sum' };
  /** the number the Σ is multiplied by (1 for none), and its text as written (1/2; null for none) */
  k: number;
  written: string | null;
}

/** the loss defined inline as Σ_v E_v over fixed bounds (loss L = Σ_t (o_t − y_t)^2), with E no quantity; else null */
function inlineSum(d: Expr, model: Model): InlineSum | null {
  if (d.k !== 'deriv' || !d.total || d.oneStep || d.wrt.idx || d.of.k !== 'ref' || d.of.idx) return null;
  const decl = model.decls.get(d.wrt.name);
  if (decl?.kind !== 'param' || decl.perStep || stepSumOf(d.of.name, model)) return null;
  const q = model.quantities.get(d.of.name);
  let g = q && !q.timed ? q.general : null;
  let k = 1;
  let written: string | null = null;
  // ½ Σ_t …, Σ_t … · ½, Σ_t … / 2: the number is carried through the one-step derivative unchanged
  if (g && (g.k === 'mul' || g.k === 'div')) {
    const left = g.k === 'mul' ? constant(g.a) : null;
    const right = constant(g.b);
    if (left !== null && g.b.k === 'sum') [k, written, g] = [left, exprText(g.a), g.b];
    else if (right !== null && g.a.k === 'sum' && right !== 0)
      [k, written, g] = g.k === 'mul' ? [right, exprText(g.b), g.a] : [1 / right, `1/${exprText(g.b)}`, g.a];
  }
  if (g?.k !== 'sum' || g.from.v !== null || g.to.v !== null || g.from.terms?.length || g.to.terms?.length) return null;
  return { sum: g as Expr & { k: 'sum' }, k, written };
}

/** the timed quantities an expression reads at a step, each once (null when one is not a scalar) */
function timedRefs(e: Expr, model: Model, out: (Expr & { k: 'ref' })[] = []): (Expr & { k: 'ref' })[] | null {
  if (e.k === 'ref' && e.idx && model.quantities.get(e.name)?.timed) {
    if (model.quantities.get(e.name)!.shape.length) return null;
    if (!out.some((r) => r.name === e.name && JSON.stringify(r.idx) === JSON.stringify(e.idx))) out.push(e);
  }
  let ok = true;
  if (e.k !== 'deriv')
    forChildren(e, (c) => {
      if (ok && !timedRefs(c, model, out)) ok = false;
    });
  return ok ? out : null;
}

/**
 * Σ_v of the one-step ∂E_v/∂θ for a loss Σ_v E_v written inline: each E_v's immediate partial by each scalar
 * quantity r it reads, times the one-step ∂r/∂θ (every node of an earlier step held fixed); null when E_v reads a
 * vector quantity (its contraction is not built here)
 */
function inlineTruncated({ sum: g, k }: InlineSum, theta: { name: string; idx: null }, run: Run): Float64Array | null {
  let out: Float64Array | null = null;
  for (let s = g.from.k; s <= g.to.k; s++) {
    const E = bindVar(g.body, g.v, s);
    const refs = timedRefs(E, run.model);
    if (!refs) return null;
    for (const r of refs) {
      const wrt = { name: r.name, idx: r.idx, range: r.range };
      const dE = run.evaluateShared({ k: 'deriv', total: false, of: E, wrt, shape: [], range: r.range }, {}).data;
      const dr = run.derivativeShared(r, theta, {}, true, true);
      if (!dr.reached || dE.length !== 1) continue;
      out ??= new Float64Array(dr.tensor.data.length);
      if (out.length !== dr.tensor.data.length) return null;
      for (let i = 0; i < out.length; i++) out[i]! += k * dE[0]! * dr.tensor.data[i]!;
    }
  }
  return out;
}

/** the inline loss's truncated gradient is the other side, here and at a draw */
function inlineHolds(g: InlineSum, d: Expr & { k: 'deriv' }, side: Expr, c: Claim, run: Run, other: OtherValues): boolean {
  const theta = { name: d.wrt.name, idx: null };
  const at = (r: Run) =>
    guard(() => {
      const v = inlineTruncated(g, theta, r);
      return v !== null && c.points.every((p) => close(r.evaluateShared(side, p.env).data, v));
    }) === true;
  // a draw that cannot be evaluated refutes nothing (confirm.ts)
  return at(run) && atDraws(other, at);
}

/** "The right side is Σ_t ∂L_t/∂W_xh with each ∂L_t/∂W_xh taken one-step …" */
export function truncatedHint(c: Claim, run: Run, other: OtherValues): string | null {
  for (const [d, side, name] of [
    [c.lhs, c.rhs, 'right'],
    [c.rhs, c.lhs, 'left'],
  ] as const) {
    const g = inlineSum(d, run.model);
    if (g && d.k === 'deriv' && !c.freeT && inlineHolds(g, d, side, c, run, other)) {
      const body = exprText(g.sum.body);
      const each = `∂(${g.written ? `${g.written} ${body}` : body})/∂${d.wrt.name}`;
      return (
        `The ${name} side is Σ_${g.sum.v} ${each} with each term taken one-step (within step ${g.sum.v}, every node of an earlier step held fixed): ` +
        `it leaves out the paths through the earlier steps, where ${d.wrt.name} acts too, which ${exprText(d)} counts ` +
        `(a state's gradient written as its own step's part only, without the part through the next step)`
      );
    }
    const s = truncated(d, run.model);
    if (!s || s.k !== 'sum' || s.body.k !== 'deriv') continue;
    if (!holdsWith(c, s, side, run) || !confirmed(other, s, side, c.points)) continue;
    const each = exprText({ ...s.body, oneStep: false });
    const theta = (d as Deriv).wrt.name;
    return (
      `The ${name} side is Σ_${s.v} ${each} with each ${each} taken one-step (within step ${s.v}, every node of an earlier step held fixed): ` +
      `it leaves out the paths through the earlier steps, where ${theta} acts too, which ${exprText(d)} counts ` +
      `(a factor written as the immediate ∂⁺ where the total derivative by ${theta} belongs, or ∂L_${s.v} where ∂L belongs)`
    );
  }
  return null;
}

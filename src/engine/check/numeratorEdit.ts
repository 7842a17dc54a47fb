// A slip inside the expression a side differentiates: ∂h_t/∂h_{t-1} = ∂σ(W_xh x_t + W_hh h_t + b_h)/∂h_{t-1}, h_t
// written where h_t's equation reads h_{t-1} (seed 001's (16) and (25) differentiate σ(…) as written). The hints that
// move a step or a sign move them among a side's values, and leave a derivative's numerator alone (they evaluate
// derivatives once, frozen), so such a check failed with its values alone. Here, in each derivative of a written
// expression on either side (a factor of a product too: ∂L_3/∂y_3 · ∂σ(W_hy h_3 − b_y)/∂h_3), each step of the numerator's references is moved by ±1, ±2, each
// weight replaced by another of its shape, tanh and σ exchanged, and each + or − of it turned, one at a time, the derivative taken again; an edit is named only where the check then
// holds at every point and at the draws. Asked last: a derivative per trial.

import type { Expr } from '../../language/model';
import { exprText, refText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { timedRefs } from './groupShift';
import { whichOf, type Claim } from './hints';
import { replacing } from './replacing';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

type Deriv = Expr & { k: 'deriv' };
type Ref = Expr & { k: 'ref' };

/** edits tried per check (each a derivative at every point) */
const MAX_TRIALS = 40;

/** the references to parameters shared by every step among the values of e, in the order written */
function untimedParams(e: Expr, run: Run, out: Ref[] = []): Ref[] {
  if (e.k === 'ref') {
    const d = run.model.decls.get(e.name);
    if (d?.kind === 'param' && !d.perStep && !e.idx) out.push(e);
  } else if (e.k !== 'deriv') forChildren(e, (x) => untimedParams(x, run, out), VALUE_CHILDREN);
  return out;
}

/** the nodes among the values of e (not inside a derivative) that `is` picks, in the order written */
export function valuesWhere<T extends Expr>(e: Expr, is: (x: Expr) => x is T, out: T[] = []): T[] {
  if (is(e)) out.push(e);
  if (e.k !== 'deriv') forChildren(e, (x) => valuesWhere(x, is, out), VALUE_CHILDREN);
  return out;
}

/** the sums and differences among the values of e */
const signs = (e: Expr) => valuesWhere(e, (x): x is Expr & { k: 'add' | 'sub' } => x.k === 'add' || x.k === 'sub');

/** the calls of tanh and σ among the values of e */
const squashings = (e: Expr) => valuesWhere(e, (x): x is Expr & { k: 'call' } => x.k === 'call' && (x.fn === 'tanh' || x.fn === 'sigma'));

/** the derivatives of written expressions among a side's values, ∂σ(…)/∂h_{t-1} (a product's factor too), in order */
function differentiated(e: Expr, out: Deriv[] = []): Deriv[] {
  if (e.k === 'deriv') {
    if (e.of.k !== 'ref') out.push(e);
  } else forChildren(e, (x) => differentiated(x, out), VALUE_CHILDREN);
  return out;
}

/** whether the derivative d reaches its numerator at one of the check's points (a run error counts as reached) */
function reachedSomewhere(d: Deriv, c: Claim, run: Run): boolean {
  try {
    return c.points.some((p) => run.derivativeShared(d.of, d.wrt, p.env, d.total, d.oneStep).reached);
  } catch {
    return true;
  }
}

/** the derivatives differentiated() finds, at most this many per check */
const MAX_DERIVS = 3;

export function numeratorEditHint(c: Claim, run: Run, other: OtherValues): string | null {
  const show = printerFor(c.text, run.model.T);
  let trials = 0;
  for (const side of ['rhs', 'lhs'] as const)
    for (const d of differentiated(c[side]).slice(0, MAX_DERIVS)) {
      const holds = (edited: Expr): boolean => {
        trials++;
        const e: Deriv = { ...d, of: edited };
        // an edit that leaves the numerator reading nothing of the denominator (∂y_1/∂y_2 for ∂y_3/∂y_2 = 0) makes
        // the derivative 0 by construction: no slip a student made, however the check then holds
        if (!reachedSomewhere(e, c, run)) return false;
        const lhs = side === 'lhs' ? replacing(c.lhs, d, e) : c.lhs;
        const rhs = side === 'rhs' ? replacing(c.rhs, d, e) : c.rhs;
        return holdsWith(c, lhs, rhs, run) && confirmed(other, lhs, rhs, c.points);
      };
      // by another denominator than the derivative asked on the other side: ∂(L_1 + L_2 + L_3)/∂W_hh for ∂L/∂W_xh
      const asked = c[side === 'rhs' ? 'lhs' : 'rhs'];
      if (asked.k === 'deriv' && asked.wrt.name !== d.wrt.name) {
        const by: Deriv = { ...d, wrt: asked.wrt };
        const lhs = side === 'lhs' ? replacing(c.lhs, d, by) : c.lhs;
        const rhs = side === 'rhs' ? replacing(c.rhs, d, by) : c.rhs;
        trials++;
        if (holdsWith(c, lhs, rhs, run) && confirmed(other, lhs, rhs, c.points))
          return `${show(d)} should be ${show(by)}, by the other side's ${refText(asked.wrt.name, asked.wrt.idx)}: with that the check holds`;
      }
      const hit = editOf(d.of, run, show, holds, () => trials >= MAX_TRIALS);
      if (hit) return hit;
      if (trials >= MAX_TRIALS) return null;
    }
  return null;
}

/** the first edit of E with which the check holds, said */
function editOf(E: Expr, run: Run, show: (e: Expr) => string, holds: (edited: Expr) => boolean, spent: () => boolean): string | null {
  const refs = timedRefs(E, run);
  for (const from of refs)
    for (const by of [1, -1, 2, -2]) {
      if (spent()) return null;
      const to: Ref = { ...from, idx: { ...from.idx!, k: from.idx!.k + by } };
      if (holds(replacing(E, from, to)))
        return `In the expression differentiated, ${whichOf(from, refs, show)} should be ${show(to)}: with that step the check holds`;
    }
  // a weight written for another of its shape (W_xh h_{t-1} for W_hh h_{t-1})
  const params = [...run.model.decls].filter(([, x]) => x.kind === 'param' && !x.perStep);
  for (const from of untimedParams(E, run)) {
    const shape = run.model.decls.get(from.name)!.shape.join('x');
    for (const [name, x] of params) {
      if (name === from.name || x.shape.join('x') !== shape) continue;
      if (spent()) return null;
      const to: Ref = { ...from, name };
      if (holds(replacing(E, from, to)))
        return `In the expression differentiated, ${whichOf(from, untimedParams(E, run), show)} should be ${name}: with that the check holds`;
    }
  }
  // the other squashing function (tanh(W_hy h_3 + b_y) where y_3's equation applies σ)
  for (const f of squashings(E)) {
    if (spent()) return null;
    const other: Expr = { ...f, fn: f.fn === 'tanh' ? 'sigma' : 'tanh' };
    if (holds(replacing(E, f, other)))
      return `In the expression differentiated, ${show(f)} should be ${show(other)}: with that function the check holds`;
  }
  for (const s of signs(E)) {
    if (spent()) return null;
    const turned: Expr = { ...s, k: s.k === 'add' ? 'sub' : 'add' };
    if (holds(replacing(E, s, turned)))
      return `In the expression differentiated, ${exprText(s)} should be ${exprText(turned)}: with that the check holds`;
  }
  return null;
}

// A slip inside the expression a side differentiates: ∂h_t/∂h_{t-1} = ∂σ(W_xh x_t + W_hh h_t + b_h)/∂h_{t-1}, h_t
// written where h_t's equation reads h_{t-1} (seed 001's (16) and (25) differentiate σ(…) as written). The hints that
// move a step or a sign move them among a side's values, and leave a derivative's numerator alone (they evaluate
// derivatives once, frozen), so such a check failed with its values alone. Here, where the other side is a
// derivative of a name by the same denominator, each step of the numerator's references is moved by ±1, ±2, each
// weight replaced by another of its shape, and each + or − of it turned, one at a time, the derivative taken again; an edit is named only where the check then
// holds at every point and at the draws. Asked last: a derivative per trial.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapChildren, VALUE_CHILDREN } from '../../language/resolve';
import { stepOf, type Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import { whichOf, type Claim } from './hints';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

type Deriv = Expr & { k: 'deriv' };
type Ref = Expr & { k: 'ref' };

/** edits tried per check (each a derivative at every point) */
const MAX_TRIALS = 40;

/** the timed references among the values of e (not in a derivative, an index or an exponent), in the order written */
function timedRefs(e: Expr, run: Run, out: Ref[] = []): Ref[] {
  if (e.k === 'ref') {
    if (e.idx && (run.model.quantities.get(e.name)?.timed || run.model.decls.get(e.name)?.perStep)) out.push(e);
  } else if (e.k !== 'deriv') forChildren(e, (x) => timedRefs(x, run, out), VALUE_CHILDREN);
  return out;
}

/** the references to parameters shared by every step among the values of e, in the order written */
function untimedParams(e: Expr, run: Run, out: Ref[] = []): Ref[] {
  if (e.k === 'ref') {
    const d = run.model.decls.get(e.name);
    if (d?.kind === 'param' && !d.perStep && !e.idx) out.push(e);
  } else if (e.k !== 'deriv') forChildren(e, (x) => untimedParams(x, run, out), VALUE_CHILDREN);
  return out;
}

/** the sums and differences among the values of e */
function signs(e: Expr, out: (Expr & { k: 'add' | 'sub' })[] = []): typeof out {
  if (e.k === 'add' || e.k === 'sub') out.push(e);
  if (e.k !== 'deriv') forChildren(e, (x) => signs(x, out), VALUE_CHILDREN);
  return out;
}

const replaced = (e: Expr, from: Expr, to: Expr): Expr => (e === from ? to : mapChildren(e, (x) => replaced(x, from, to), VALUE_CHILDREN));

/** ∂A/∂B on one side, ∂E/∂B on the other, A a name and E a written expression, B the same at every point */
function pair(c: Claim): { side: 'lhs' | 'rhs'; d: Deriv } | null {
  for (const side of ['rhs', 'lhs'] as const) {
    const d = c[side];
    const o = side === 'rhs' ? c.lhs : c.rhs;
    if (d.k !== 'deriv' || o.k !== 'deriv' || o.of.k !== 'ref' || d.of.k === 'ref' || d.oneStep !== o.oneStep) continue;
    if (d.wrt.name !== o.wrt.name || c.points.some((p) => stepOf(d.wrt.idx, p.env) !== stepOf(o.wrt.idx, p.env))) continue;
    return { side, d };
  }
  return null;
}

export function numeratorEditHint(c: Claim, run: Run, other: OtherValues): string | null {
  const found = pair(c);
  if (!found) return null;
  const { side, d } = found;
  const E = d.of;
  const show = printerFor(c.text, run.model.T);
  let trials = 0;
  const holds = (edited: Expr): boolean => {
    trials++;
    const e: Deriv = { ...d, of: edited };
    const lhs = side === 'lhs' ? e : c.lhs;
    const rhs = side === 'rhs' ? e : c.rhs;
    return holdsWith(c, lhs, rhs, run) && confirmed(other, lhs, rhs, c.points);
  };
  const refs = timedRefs(E, run);
  for (const from of refs)
    for (const by of [1, -1, 2, -2]) {
      if (trials >= MAX_TRIALS) return null;
      const to: Ref = { ...from, idx: { ...from.idx!, k: from.idx!.k + by } };
      if (holds(replaced(E, from, to)))
        return `In the expression differentiated, ${whichOf(from, refs, show)} should be ${show(to)}: with that step the check holds`;
    }
  // a weight written for another of its shape (W_xh h_{t-1} for W_hh h_{t-1})
  const params = [...run.model.decls].filter(([, x]) => x.kind === 'param' && !x.perStep);
  for (const from of untimedParams(E, run)) {
    const shape = run.model.decls.get(from.name)!.shape.join('x');
    for (const [name, x] of params) {
      if (name === from.name || x.shape.join('x') !== shape) continue;
      if (trials >= MAX_TRIALS) return null;
      const to: Ref = { ...from, name };
      if (holds(replaced(E, from, to)))
        return `In the expression differentiated, ${whichOf(from, untimedParams(E, run), show)} should be ${name}: with that the check holds`;
    }
  }
  for (const s of signs(E)) {
    if (trials >= MAX_TRIALS) return null;
    const turned: Expr = { ...s, k: s.k === 'add' ? 'sub' : 'add' };
    if (holds(replaced(E, s, turned)))
      return `In the expression differentiated, ${exprText(s)} should be ${exprText(turned)}: with that the check holds`;
  }
  return null;
}

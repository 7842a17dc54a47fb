// A target left out inside a formula: W_phᵀ ŷ_T for W_phᵀ(ŷ_T − y_T), Σ_t ŷ_t h_tᵀ for Σ_t (ŷ_t − y_t) h_tᵀ — the error
// a loss's gradient carries, written as the prediction alone. termLeftOut.ts names a target left out of a side that
// is that term plus others (the sides then differ by the target); inside a product or a Σ no difference of the sides
// names it, and the check failed with its values alone. Each quantity the formula reads (not inside a derivative),
// for which a target of its shape exists, is tried as X − y and as y − X at X's own step; the edited check must hold
// at the points and at the draws. Its kin: Goodfellow's (10.18) ŷ_i^{(t)} − 1_{i=y^{(t)}} written ŷ_i^{(t)} − 1, the one-hot
// target's entry taken as 1 for every entry: a 1 of the formula is tried as the target's entry beside an entry the
// formula reads. Asked last: a copy of the side per trial, a few trials.

import type { Decl, Expr } from '../../language/model';
import type { Range } from '../../report';
import { same } from '../../language/shapes';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { formulaOnRight } from './formulaSide';
import { replacing } from './replacing';
import { holdsWith } from './textbook';
import { valuesWhere } from './numeratorEdit';
import { printerFor } from './writtenT';
import { oneHot } from '../../language/resolve/functions';

/** edits tried per check (each a copy of the side and an evaluation at the points) */
const MAX_TRIALS = 8;

type Ref = Expr & { k: 'ref' };
type Printed = (show: (e: Expr) => string) => string;

/** y is a class label (a scalar target indexing a vector) and the shape a vector, whose entries its classes are */
const labelBeside = (y: Decl, shape: readonly number[]): boolean => y.shape.length === 0 && y.classes !== undefined && shape.length === 1;

/**
 * The target y as the value X is compared with: y_t itself where the shapes agree, and a class label (a scalar target
 * indexing a vector: L_t = −log ŷ_t[y_t]) as the one-hot vector onehot(y_t, n) beside a vector X of n entries
 */
function targetAs(y: Decl, X: Ref): { Y: Expr; text: Printed; left: Printed } | null {
  const at: Ref = { k: 'ref', name: y.name, idx: X.idx, shape: y.shape, range: X.range };
  if (same(y.shape, X.shape)) return { Y: at, text: (show) => show(at), left: (show) => `the target ${show(at)}` };
  if (!labelBeside(y, X.shape)) return null;
  const n = X.shape[0]!;
  return {
    Y: oneHot(at, n, X.range),
    text: (show) => `onehot(${show(at)}, ${n})`,
    left: (show) => `the target class ${show(at)}, as a one-hot vector,`,
  };
}

/** "ŷ_T should be ŷ_T − y_T (the target y_T is left out): with that the check holds" */
export function targetLeftOutHint(c: Claim, run: Run, other: OtherValues): { text: string; culprit: Range | null } | null {
  const model = run.model;
  const targets = [...model.decls.values()].filter((d) => d.kind === 'target');
  if (!targets.length || !other) return null;
  const right = formulaOnRight(c);
  const formula = right ? c.rhs : c.lhs;
  const whole = right ? c.lhs : c.rhs;
  // the timed quantities the formula reads at a step, each with the targets of its shape
  const reads = valuesWhere(formula, (x): x is Ref => x.k === 'ref' && x.idx !== null && model.quantities.get(x.name)?.timed === true);
  const show = printerFor(c.text, model.T);
  let trials = 0;
  // the check with the formula's side edited holds at its points and the draws
  const holdsEdited = (edited: Expr) => {
    const [l, r] = right ? [whole, edited] : [edited, whole];
    return holdsWith(c, l, r, run) && confirmed(other, l, r, c.points);
  };
  for (const X of reads)
    for (const y of targets) {
      const target = targetAs(y, X);
      if (!target) continue;
      const { Y, text: yText, left } = target;
      for (const k of ['sub', 'subFrom'] as const) {
        if (++trials > MAX_TRIALS) return null;
        const by: Expr =
          k === 'sub' ? { k: 'sub', a: X, b: Y, shape: X.shape, range: X.range } : { k: 'sub', a: Y, b: X, shape: X.shape, range: X.range };
        if (!holdsEdited(replacing(formula, X, by))) continue;
        const byText = k === 'sub' ? `${show(X)} − ${yText(show)}` : `${yText(show)} − ${show(X)}`;
        return {
          text: `${show(X)} should be ${byText} (${left(show)} is left out): with that the check holds`,
          culprit: X.range,
        };
      }
    }
  // a class label used as the vector it stands for (ŷ_t − y_t with y_t a number, taken from every entry)
  const mixed = valuesWhere(formula, (x): x is Expr & { k: 'add' | 'sub' } => (x.k === 'add' || x.k === 'sub') && x.shape.length === 1);
  for (const s of mixed)
    for (const side of [s.a, s.b]) {
      const y = side.k === 'ref' && side.shape.length === 0 ? model.decls.get(side.name) : undefined;
      if (side.k !== 'ref' || !y || y.kind !== 'target' || y.classes === undefined) continue;
      const target = targetAs(y, { ...side, shape: s.shape });
      if (!target) continue;
      if (++trials > MAX_TRIALS) return null;
      if (!holdsEdited(replacing(formula, side, target.Y))) continue;
      const verb = s.k === 'add' ? 'added to' : 'taken from';
      return {
        text: `${show(side)} is a class label, a number ${verb} every entry: the target vector is ${target.text(show)}, and with it the check holds`,
        culprit: side.range,
      };
    }
  // a 1 where the target's entry belongs, beside an entry of a quantity of the target's shape (ŷ_{t,i} − 1)
  const ones = valuesWhere(formula, (x): x is Expr & { k: 'num' } => x.k === 'num' && x.value === 1);
  const entries = valuesWhere(formula, (x): x is Expr & { k: 'index'; a: Ref } => x.k === 'index' && x.a.k === 'ref' && x.a.idx !== null);
  for (const one of ones)
    for (const X of entries)
      for (const y of targets) {
        if (model.quantities.get(X.a.name)?.timed !== true) continue;
        const label = labelBeside(y, X.a.shape) && !X.j;
        if (!label && !same(y.shape, X.a.shape)) continue;
        if (++trials > MAX_TRIALS) return null;
        const at: Ref = { k: 'ref', name: y.name, idx: X.a.idx, shape: y.shape, range: one.range };
        // a class label's entry is the indicator 1[i = y_t] (Goodfellow's 1_{i=y^{(t)}}); a one-hot vector's is y_t[i]
        const Y: Expr = label ? { k: 'indicator', a: X.i, b: at, shape: [], range: one.range } : { ...X, a: at, range: one.range };
        if (!holdsEdited(replacing(formula, one, Y))) continue;
        return {
          text: label
            ? `The 1 should be ${show(Y)}, the indicator of the target class ${show(at)} (1 for the true class only): with it the check holds`
            : `The 1 should be ${show(Y)}, the target's entry (1 for the true class only): with it the check holds`,
          culprit: one.range,
        };
      }
  return null;
}

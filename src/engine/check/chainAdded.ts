// A chain rule's factors added: ∂L_3/∂y_3 + ∂y_3/∂h_3 where ∂L_3/∂y_3 · ∂y_3/∂h_3 is meant. Each factor is right,
// so no hint that edits a factor names it, and the term matcher reads two terms of no path. Structural screen: a
// sum of two derivatives (or products of them) where the denominator of the left one's last factor is the numerator
// of the right one's first, scalars; the sum made a product must make the check hold at the points and the draws.
// Asked last in the cascade.

import type { Expr } from '../../language/model';
import { valuesWhere } from './numeratorEdit';
import { idxString } from '../../language/idx';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { replacing } from './replacing';
import { holdsWith } from './textbook';
import { formulaOnRight } from './formulaSide';
import { printerFor } from './writtenT';

/** sums tried per check */
const MAX_SUMS = 6;

type Deriv = Expr & { k: 'deriv' };

/** the last factor of a product of derivatives (e itself when it is one), or null */
function lastFactor(e: Expr): Deriv | null {
  if (e.k === 'deriv') return e;
  return e.k === 'mul' ? lastFactor(e.b) : null;
}

/** the first factor of a product of derivatives (e itself when it is one), or null */
function firstFactor(e: Expr): Deriv | null {
  if (e.k === 'deriv') return e;
  return e.k === 'mul' ? firstFactor(e.a) : null;
}

/** a + b where b's first factor differentiates what a's last one differentiates by (∂L/∂y + ∂y/∂h) */
function chainsAdded(e: Expr & { k: 'add' | 'sub' }): boolean {
  if (e.a.shape.length || e.b.shape.length) return false;
  const a = lastFactor(e.a);
  const b = firstFactor(e.b);
  if (!a || !b || b.of.k !== 'ref') return false;
  const idx = (i: typeof a.wrt.idx) => (i ? idxString(i) : '');
  return a.wrt.name === b.of.name && idx(a.wrt.idx) === idx(b.of.idx);
}

/** "∂L_3/∂y_3 + ∂y_3/∂h_3 should be ∂L_3/∂y_3 · ∂y_3/∂h_3: a chain's factors are multiplied …" */
export function chainAddedHint(c: Claim, run: Run, other: OtherValues): string | null {
  const right = formulaOnRight(c);
  const formula = right ? c.rhs : c.lhs;
  const show = printerFor(c.text, run.model.T);
  for (const s of valuesWhere(formula, (x): x is Expr & { k: 'add' } => x.k === 'add' && chainsAdded(x)).slice(0, MAX_SUMS)) {
    const product: Expr = { ...s, k: 'mul' };
    const edited = replacing(formula, s, product);
    const [l, r] = right ? [c.lhs, edited] : [edited, c.rhs];
    if (!holdsWith(c, l, r, run) || !confirmed(other, l, r, c.points)) continue;
    return `${show(s)} should be ${show(product)}: the chain rule multiplies a chain's factors, and with that product the check holds`;
  }
  return null;
}

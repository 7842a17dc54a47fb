// `∂y_{H,2}^{(3)}/∂y_{H,2}^{(2)} = 0`: a derivative claimed 0 where the numerator's own equation reads the variable (a
// clockwork module read as dead on a step it does not fire, where it is copied: its derivative is 1). No edit of a 0
// makes such a check hold, so it failed with its two values alone; here the immediate partial is taken, and where it
// is not 0 the message says that the equation itself reads the variable, with the value that direct term gives.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import { derivAs } from './derivAs';
import { fmt } from '../format';
import type { Claim } from './hints';
import { EVERYWHERE, replacing } from './replacing';
import { guard } from './guard';
import { printerFor } from './writtenT';

type Deriv = Expr & { k: 'deriv' };

/** the derivative a side is, or picks entries of (∂y_H^{(3)}/∂y_H^{(2)}[2, 2]); null for anything else */
function derivOf(e: Expr): Deriv | null {
  if (e.k === 'deriv') return e;
  return e.k === 'index' ? derivOf(e.a) : null;
}

/** the number 0, or a vector or matrix of 0s written out */
function literalZero(e: Expr): boolean {
  if (e.k === 'num') return e.value === 0;
  if (e.k === 'vec') return e.items.every(literalZero);
  return e.k === 'mat' && e.rows.every((r) => r.every(literalZero));
}

export function zeroClaimHint(c: Claim, run: Run): string | null {
  const d = derivOf(c.lhs);
  const p = c.points[0];
  if (!d || !d.total || !p) return null;
  // the number 0 as written (or the zero it is read as, zeroSide.ts), not a side that happens to be 0 here (H(−a_t))
  if (!literalZero(c.rhs)) return null;
  const direct = replacing(c.lhs, d, derivAs(d, false, false), EVERYWHERE);
  const value = guard(() => run.evaluateShared(direct, p.env).data);
  if (!value || value.every((x) => x === 0)) return null;
  const show = printerFor(c.text, run.model.T);
  const wrt: Expr = { k: 'ref', name: d.wrt.name, idx: d.wrt.idx, shape: [], range: d.range };
  // an entry of the Jacobian picks the variable's entry (∂y_H^{(3)}[2]/∂y_H^{(2)}[2]): said with it
  const entry = c.lhs.k === 'index' && c.lhs.a === d && !c.lhs.j && c.lhs.i.k === 'num' ? `[${c.lhs.i.value}]` : '';
  const shown = value.length === 1 ? fmt(value[0]!) : `[${[...value].map((x) => fmt(x)).join(', ')}]`;
  return `The right side is 0, but ${show(d.of)}'s own equation reads ${show(wrt)}${entry}: its direct term ∂⁺${show(d.of)}/∂${show(wrt)}${entry} alone gives ${shown}`;
}

// `∇_c L = Σ_t ŷ_t − y_t`: a Σ whose body was meant to run on, written without brackets. As read, the terms after the
// body stand outside the sum while they read its variable, so the equation is read at each t and fails there; a
// grader names the brackets. Structural until a side has such a term; then one trial, judged at the check's points
// and at a draw.
import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { mentionedVars } from '../../language/resolve/walk';
import type { Run } from '../run';
import { confirmed, type OtherValues } from './confirm';
import type { Claim } from './hints';
import { holdsWith } from './textbook';

type Sum = Expr & { k: 'sum' | 'prod' };

/** "The Σ over t covers ŷ_t alone: y_t after it stands outside the sum … With Σ_t (ŷ_t − y_t) the check holds", or null */
export function sumScopeHint(c: Claim, run: Run, other: OtherValues): string | null {
  for (const right of [true, false]) {
    const side = right ? c.rhs : c.lhs;
    const moved = widened(side);
    if (!moved) continue;
    const [lhs, rhs] = right ? [c.lhs, moved.side] : [moved.side, c.rhs];
    if (!holdsWith(c, lhs, rhs, run) || !confirmed(other, lhs, rhs, c.points)) continue;
    const outside = moved.terms.map((t) => exprText(t)).join(', ');
    return `The Σ over ${moved.sum.v} covers ${exprText(moved.sum.body)} alone: ${outside} after it ${moved.terms.length > 1 ? 'stand' : 'stands'} outside the sum, read at each ${moved.sum.v} on ${moved.terms.length > 1 ? 'their' : 'its'} own. With brackets, ${exprText(moved.inner)}, the check holds`;
  }
  return null;
}

/**
 * the side with the terms after its leading Σ that read the Σ's variable moved into its body (in their order and
 * with their signs; the others stay outside), or null when the side is no sum of such terms
 */
function widened(side: Expr): { side: Expr; sum: Sum; inner: Sum; terms: Expr[] } | null {
  // the chain ((Σ A) − B) + C, left to right
  const ops: { k: 'add' | 'sub'; b: Expr; range: Expr['range'] }[] = [];
  let first = side;
  while (first.k === 'add' || first.k === 'sub') {
    ops.unshift({ k: first.k, b: first.b, range: first.range });
    first = first.a;
  }
  if (first.k !== 'sum' || !ops.length) return null;
  const sum = first;
  const inside = ops.filter((o) => mentionedVars(o.b).has(sum.v));
  if (!inside.length) return null;
  let body = sum.body;
  for (const o of inside) body = { k: o.k, a: body, b: o.b, shape: body.shape, range: o.range };
  const inner: Sum = { ...sum, body };
  let out: Expr = inner;
  for (const o of ops) if (!inside.includes(o)) out = { k: o.k, a: out, b: o.b, shape: out.shape, range: o.range };
  return { side: out, sum, inner, terms: inside.map((o) => o.b) };
}

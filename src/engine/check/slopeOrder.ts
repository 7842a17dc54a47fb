// A step's Jacobian written with its two factors swapped, R diag(1 − g_{t−1}²) for diag(1 − g_{t−1}²) R, in a
// recursion whose step reaches the state through an intermediate (g_t = tanh(a_t), a_t = R g_{t+1} + …): the term
// matcher reads that term along its paths and says only "no path … no term covers" it. Named first, as textbook.ts
// orderHint names it where the term matcher says nothing: a slope diag(…) and a weight, next to each other in a
// product, swapped.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import type { Claim } from './hints';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith, square } from './textbook';

/** variants tried: each costs one evaluation of the sides at every point */
const MAX_VARIANTS = 8;

const product = (x: Expr): x is Expr & { k: 'matmul' | 'mul' | 'contract' } => x.k === 'matmul' || x.k === 'mul' || x.k === 'contract';
const slope = (x: Expr) => x.k === 'call' && x.fn === 'diag';
const weight = (x: Expr) => x.k === 'ref' || (x.k === 'transpose' && x.a.k === 'ref');

/** the leaves of a product, left to right (a Σ/∏ or a bracket is one leaf) */
const leaves = (x: Expr): Expr[] => (product(x) ? [...leaves(x.a), ...leaves(x.b)] : [x]);

/** the outermost products of the side (each chain once) */
function chains(e: Expr, out: Expr[] = []): Expr[] {
  if (product(e)) {
    out.push(e);
    for (const f of leaves(e)) if (f !== e) chains(f, out);
    return out;
  }
  if (e.k === 'deriv' || e.k === 'index') return out;
  forChildren(e, (c) => chains(c, out), VALUE_CHILDREN);
  return out;
}

export function slopeOrderHint(c: Claim, run: Run): string | null {
  let tried = 0;
  for (const x of chains(c.rhs)) {
    const fs = leaves(x);
    for (let i = 0; i + 1 < fs.length; i++) {
      const [f, g] = [fs[i]!, fs[i + 1]!];
      if (!square(f) || !square(g) || f.shape[0] !== g.shape[0]) continue;
      if (!((weight(f) && slope(g)) || (slope(f) && weight(g)))) continue;
      if (tried++ >= MAX_VARIANTS) return null;
      const rhs = replaceWhere(c.rhs, (y) => (y === f ? g : y === g ? f : null), VALUES);
      if (holdsWith(c, c.lhs, rhs, run))
        return `${exprText(f)} ${exprText(g)} should be ${exprText(g)} ${exprText(f)}: with its two factors in that order the check holds`;
    }
  }
  return null;
}

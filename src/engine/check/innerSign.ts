// A sign slipped inside a factor: σ's slope written o_{t+1}(1 + o_{t+1}), a recursion's (h_2 − w_h ∂h_2/∂w_h) for
// (h_2 + w_h ∂h_2/∂w_h). The term matcher and the local factor hint read the whole term as a value that is off and say
// by how much; a grader circles the sign. Each + or − inside a product (not a top-level term's, whose sign those hints
// name) is tried flipped. Structural until then: a side with no sum inside a product costs nothing.

import type { Expr } from '../../language/model';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import { confirmed, type OtherValues } from './confirm';
import { whichOf, type Claim } from './hints';
import type { Run } from '../run';
import { replaceWhere, VALUES } from './replacing';
import { holdsWith } from './textbook';
import { printerFor } from './writtenT';

/** flips tried: each costs one evaluation of the sides at every point */
const MAX_FLIPS = 12;

type Sum = Expr & { k: 'add' | 'sub' };

/** the sums standing inside a product (a factor's own + or −), in the order written; not into a derivative */
function innerSums(e: Expr, inProduct = false, out: Sum[] = []): Sum[] {
  if ((e.k === 'add' || e.k === 'sub') && inProduct) out.push(e);
  // not into a derivative, an entry, nor a function's argument (σ'(W x_t + b): the equation copied, not a sign slipped)
  if (e.k === 'deriv' || e.k === 'index' || e.k === 'call') return out;
  const product = e.k === 'mul' || e.k === 'matmul' || e.k === 'hadamard' || e.k === 'contract' || e.k === 'div';
  forChildren(e, (c) => innerSums(c, inProduct || product, out), VALUE_CHILDREN);
  return out;
}

export function innerSignHint(c: Claim, run: Run, other: OtherValues = null): string | null {
  const sums = innerSums(c.rhs);
  if (!sums.length) return null;
  const show = printerFor(c.text, run.model.T);
  for (const s of sums.slice(0, MAX_FLIPS)) {
    const flipped: Expr = { ...s, k: s.k === 'add' ? 'sub' : 'add' };
    const rhs = replaceWhere(c.rhs, (y) => (y === s ? flipped : null), VALUES);
    if (!holdsWith(c, c.lhs, rhs, run) || !confirmed(other, c.lhs, rhs, c.points)) continue;
    // in its brackets, as written (a sum inside a product is bracketed)
    const written = whichOf(s, sums, (x) => `(${show(x)})`).replace(/^the /, 'The ');
    return `${written} should be (${show(flipped)}): with that sign the check holds`;
  }
  return null;
}

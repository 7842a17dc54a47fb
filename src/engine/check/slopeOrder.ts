// A step's Jacobian written with its two factors swapped, R diag(1 − g_{t−1}²) for diag(1 − g_{t−1}²) R, in a
// recursion whose step reaches the state through an intermediate (g_t = tanh(a_t), a_t = R g_{t+1} + …): the term
// matcher reads that term along its paths and says only "no path … no term covers" it. Named first, as textbook.ts
// orderHint names it where the term matcher says nothing: a slope diag(…) and a weight, next to each other in a
// product, swapped.

import type { Expr } from '../../language/model';
import type { Run } from '../run';
import type { Claim } from './hints';
import { neighbourSwapHint } from './textbook';

/** variants tried: each costs one evaluation of the sides at every point */
const MAX_VARIANTS = 8;

const slope = (x: Expr) => x.k === 'call' && x.fn === 'diag';
const weight = (x: Expr) => x.k === 'ref' || (x.k === 'transpose' && x.a.k === 'ref');

export function slopeOrderHint(c: Claim, run: Run): string | null {
  return neighbourSwapHint(c, run, (f, g) => (weight(f) && slope(g)) || (slope(f) && weight(g)), MAX_VARIANTS);
}

// A factor written over more terms than it multiplies: c·(A + B + C) where the check holds as c·(A + B) + C.
// Seed 002's LSTM parameter count, 4(N_h·N_i + N_h² + N_h + N_o·N_h + N_o), counts the output layer four
// times: the 4 belongs to the gates only. The hint names the terms that lie outside the factor.

import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, mapChildren } from '../../language/resolve/walk';
import type { Run } from '../run';
import type { Claim } from './hints';
import { termsOf } from './localFactor';
import { holdsWith } from './textbook';

/** terms of one sum tried (each split costs one evaluation of the sides at every point) */
const MAX_TERMS = 8;

/** the signed terms added back up, left to right (like shapes: they were one sum) */
function sumOf(ts: { sign: number; e: Expr }[], like: Expr): Expr {
  const first: Expr = ts[0]!.sign === 1 ? ts[0]!.e : { k: 'neg', a: ts[0]!.e, shape: ts[0]!.e.shape, range: ts[0]!.e.range };
  return ts
    .slice(1)
    .reduce<Expr>((acc, t) => ({ k: t.sign === 1 ? 'add' : 'sub', a: acc, b: t.e, shape: like.shape, range: like.range }), first);
}

/** every `factor · (sum)` product of e, factor on either side (outermost first) */
function products(e: Expr, out: { product: Expr & { k: 'mul' }; factor: Expr; sum: Expr }[] = []): typeof out {
  if (e.k === 'mul') {
    for (const [factor, sum] of [
      [e.a, e.b],
      [e.b, e.a],
    ] as const)
      if ((sum.k === 'add' || sum.k === 'sub') && factor.shape.length === 0) out.push({ product: e, factor, sum });
  }
  forChildren(e, (c) => products(c, out));
  return out;
}

/** e with `from` (by identity) replaced by `to` */
function swap(e: Expr, from: Expr, to: Expr): Expr {
  return e === from ? to : mapChildren(e, (c) => swap(c, from, to));
}

/**
 * "the factor 4 multiplies N_o·N_h + N_o too: applied to N_h·N_i + N_h·N_h + N_h only, the check holds" —
 * tried on the right side's products of a scalar factor and a sum: the terms left outside the factor are a
 * tail of the sum (the terms written last), the fewest first. Null when no such split makes it hold.
 */
export function distributeHint(claim: Claim, run: Run): string | null {
  for (const { product, factor, sum } of products(claim.rhs)) {
    const ts = termsOf(sum);
    if (ts.length < 2 || ts.length > MAX_TERMS) continue;
    for (let outside = 1; outside < ts.length; outside++) {
      const kept = ts.slice(0, ts.length - outside);
      const rest = ts.slice(ts.length - outside);
      const inner = sumOf(kept, sum);
      const scaled: Expr = { ...product, a: factor, b: inner };
      const split: Expr = { k: 'add', a: scaled, b: sumOf(rest, sum), shape: product.shape, range: product.range };
      if (holdsWith(claim, claim.lhs, swap(claim.rhs, product, split), run)) {
        const restText = exprText(sumOf(rest, sum)).replace(/^-/, '−');
        return `The factor ${exprText(factor)} multiplies ${restText} too: applied to ${exprText(inner)} only, the check holds`;
      }
    }
  }
  return null;
}

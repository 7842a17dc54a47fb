// The order of the factors of a ∏ of Jacobians, named before the term matcher (which reads each term of a Σ
// along its paths, and at a ∏ one factor long blames the factor: "factor 2 should be ∂x_2/∂x_1"):
// - the body's two square factors swapped, ∏ W_hh diag(1 − h_i²) where each step's Jacobian is diag(1 − h_i²) W_hh;
// - the ∏ written left of the gradient it multiplies, (∏ …) ∂E_t/∂x_t, where a gradient is a row that multiplies
//   the Jacobians from the left (numerator layout, LANGUAGE.md §4): ∂E_t/∂x_t ∏ …;
// - the ∏'s factors meant in the other order (transposed Jacobians, whose chain runs with the earlier step on the left).

import { earlierOnLeft, idxString } from '../../language/idx';
import type { Expr } from '../../language/model';
import { exprText } from '../../language/print';
import { forChildren, VALUE_CHILDREN } from '../../language/resolve';
import type { Run } from '../run';
import type { Claim } from './hints';
import { holdsReplacing, square } from './textbook';
import { hasKind } from './kinds';

type Prod = Expr & { k: 'prod' };
type Product = Expr & { k: 'matmul' | 'mul' };

/** variants tried: each costs one evaluation of the sides at every point */
const MAX_VARIANTS = 12;

/** every ∏ of square matrices on the side */
function prods(e: Expr, out: Prod[] = []): Prod[] {
  if (e.k === 'prod' && square(e)) out.push(e as Prod);
  if (e.k === 'deriv' || e.k === 'index') return out;
  forChildren(e, (c) => prods(c, out), VALUE_CHILDREN);
  return out;
}

/** a square factor with a ∏ in its product ((∏ …), 2 ∏ …, (∏ …) 2) */
function withProd(e: Expr): boolean {
  if (e.k === 'prod') return true;
  return (e.k === 'mul' || e.k === 'matmul') && (withProd(e.a) || withProd(e.b));
}

/** the products (∏ …) g of a square matrix holding a ∏ and a vector of its size, on the side */
function leftOfVector(e: Expr, out: (Expr & { k: 'matmul' })[] = []): (Expr & { k: 'matmul' })[] {
  if (e.k === 'matmul' && square(e.a) && e.b.shape.length === 1 && e.b.shape[0] === e.a.shape[0] && withProd(e.a)) out.push(e);
  if (e.k === 'deriv' || e.k === 'index') return out;
  forChildren(e, (c) => leftOfVector(c, out), VALUE_CHILDREN);
  return out;
}

/** the products of two square factors in a ∏'s body, not under a further ∏ of it */
function bodyPairs(body: Expr, out: Product[] = []): Product[] {
  if ((body.k === 'matmul' || body.k === 'mul') && square(body.a) && square(body.b)) out.push(body);
  if (body.k === 'deriv' || body.k === 'index' || body.k === 'prod') return out;
  forChildren(body, (c) => bodyPairs(c, out), VALUE_CHILDREN);
  return out;
}

export function prodOrderHint(c: Claim, run: Run): string | null {
  if (!hasKind(c.rhs, 'prod')) return null;
  const found = prods(c.rhs);
  if (!found.length) return null;
  let tried = 0;
  for (const p of found)
    for (const x of bodyPairs(p.body)) {
      if (tried++ >= MAX_VARIANTS) return null;
      const swapped: Expr = { ...x, a: x.b, b: x.a };
      if (holdsReplacing(c, x, swapped, run))
        return `Inside the ∏ over ${p.v}, ${exprText(x)} should be ${exprText(swapped)}: with its two factors in that order the check holds (the ∏'s factor is one step's Jacobian, its factors in the order of the step's equation)`;
    }
  for (const x of leftOfVector(c.rhs)) {
    const [m, g] = [x.a, x.b];
    if (tried++ >= MAX_VARIANTS) return null;
    const row: Expr = { k: 'contract', a: g, b: m, shape: g.shape, range: x.range };
    if (holdsReplacing(c, x, row, run))
      return `${m.k === 'prod' ? `(${exprText(m)})` : exprText(m)} ${exprText(g)} should be ${exprText(g)} ${exprText(m)}: a gradient is a row that multiplies the Jacobians from the left (numerator layout, the chain rule's order), and in that order the check holds`;
  }
  // the ∏'s factors multiplied the other way (Goodfellow's ∇_{h^{(t)}} L written with Σ_k (∏_j Wᵀ diag(…)) Vᵀ ∇_{o^{(k)}} L:
  // a chain of transposed Jacobians, the denominator layout, runs with the earlier step on the left)
  for (const p of found) {
    if (earlierOnLeft(p)) continue;
    if (tried++ >= MAX_VARIANTS) return null;
    if (holdsReplacing(c, p, { ...p, earlier: true }, run)) {
      const range = `${p.v} = ${idxString(p.from)}..${idxString(p.to)}`;
      return `The ∏ over ${p.v} (${range}) multiplies with the later step on the left, a chain's order in numerator layout, the layout Unroll reads (a Jacobian's rows are its numerator's entries); its factors multiply in the other order: with the earlier step on the left the check holds — the order of a chain of transposed Jacobians such as ${exprText(p.body)} (the denominator layout); in numerator layout the gradient row comes first and the factors are untransposed`;
    }
  }
  return null;
}

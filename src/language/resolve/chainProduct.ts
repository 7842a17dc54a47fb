// The chain rule through a vector, written as a sheet writes it: `∂L/∂h_t · ∂⁺h_t/∂w` with h_t a vector and w a
// scalar. In numerator layout (LANGUAGE.md §4) the gradient ∂L/∂h_t is a row and the Jacobian ∂h_t/∂w of a vector by
// a scalar a column, so their product is the scalar ∂L/∂w — "no transposes needed". Both are vectors of n to the
// shape rules, whose product of equal shapes is elementwise (a vector, which no chain rule means); this reads it
// as the row times the column. It applies only where the left factor ends in a derivative by X and the right one
// begins with a derivative of X (the chain continues through X): gates and other vectors keep the elementwise
// product.

import type { Expr, Idx } from '../model';

const sameIdx = (a: Idx | null, b: Idx | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.v === b.v &&
    a.k === b.k &&
    (a.terms ?? []).length === (b.terms ?? []).length &&
    (a.terms ?? []).every((t, i) => t.v === b.terms![i]!.v && t.sign === b.terms![i]!.sign));

/** a node of the chain; loose: read inside a Σ/∏ (∏_{j} ∂h_j/∂h_{j-1}), whose steps are the bound variable's, so only its name is compared */
type Node = { name: string; idx: Idx | null; loose?: boolean };

const sameNode = (a: Node, b: Node): boolean => a.name === b.name && (a.loose || b.loose || sameIdx(a.idx, b.idx));
const looseOf = (n: Node | null): Node | null => n && { ...n, loose: true };

/** the node X of the last derivative ∂…/∂X a product ends with (a sum: the same X in every term), else null */
function endsBy(e: Expr): Node | null {
  switch (e.k) {
    case 'deriv':
      return e.wrt;
    case 'mul':
    case 'matmul':
    case 'contract':
      return e.b.shape.length === 0 ? endsBy(e.a) : endsBy(e.b);
    case 'neg':
      return endsBy(e.a);
    case 'sum':
    case 'prod':
      return looseOf(endsBy(e.body));
    case 'add':
    case 'sub': {
      const a = endsBy(e.a);
      const b = endsBy(e.b);
      return a && b && sameNode(a, b) ? a : null;
    }
    default:
      return null;
  }
}

/** the node X of the first derivative ∂X/∂… a product begins with (a sum: the same X in every term), else null */
function beginsWith(e: Expr): Node | null {
  switch (e.k) {
    case 'deriv':
      return e.of.k === 'ref' ? { name: e.of.name, idx: e.of.idx } : null;
    case 'mul':
    case 'matmul':
    case 'contract':
      return e.a.shape.length === 0 ? beginsWith(e.b) : beginsWith(e.a);
    case 'neg':
      return beginsWith(e.a);
    case 'sum':
    case 'prod':
      return looseOf(beginsWith(e.body));
    case 'add':
    case 'sub': {
      const a = beginsWith(e.a);
      const b = beginsWith(e.b);
      return a && b && sameNode(a, b) ? a : null;
    }
    default:
      return null;
  }
}

/** whether a ends in ∂…/∂X and b begins with ∂X/∂…: the chain rule goes on through X from a to b */
export function chained(a: Expr, b: Expr): boolean {
  const by = endsBy(a);
  const of = beginsWith(b);
  return by !== null && of !== null && sameNode(by, of);
}

/** x·y as the chain rule's row times column, when x ends in ∂…/∂X and y begins with ∂X/∂… (or the reverse; both vectors of n); else null */
export function chainInnerProduct(x: Expr, y: Expr, range: Expr['range']): Expr | null {
  const n = x.shape?.length === 1 ? x.shape[0]! : 0;
  if (n < 2 || y.shape?.length !== 1 || y.shape[0] !== n) return null;
  // the chain in the order it is written (∂L/∂h_t · ∂h_t/∂w), or in the other (∂h_t/∂w · ∂L/∂h_t, as denominator
  // layout writes it): either way the same inner product
  if (!chained(x, y) && !chained(y, x)) return null;
  const row: Expr = { k: 'transpose', a: x, shape: [1, n], range: x.range };
  return { k: 'matmul', a: row, b: y, shape: [], range };
}

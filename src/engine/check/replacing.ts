// One node of a check's side (by identity) replaced by another, the rest kept: the edit a hint tries (a slope
// squared, a sum meant, a number changed). The walk goes through the values a side combines, never into a
// derivative, which names its own operands.

import type { Expr } from '../../language/model';
import { mapChildren, VALUE_CHILDREN } from '../../language/resolve';

export function replacing(e: Expr, node: Expr, by: Expr): Expr {
  const go = (x: Expr): Expr => (x === node ? by : x.k === 'deriv' ? x : mapChildren(x, go, VALUE_CHILDREN));
  return go(e);
}

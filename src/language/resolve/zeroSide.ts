// `∂L/∂W_e = 0`: a sheet writes the zero gradient of a matrix as the number 0 (the encoder's weights "get none"). Read
// as the scalar it failed "the shapes differ", which says nothing of the claim; the side that is the number 0 alone is
// the zero of the other side's shape, as a bare I takes the size of the matrix it equals.
import type { Ast } from '../ast';
import type { Expr } from '../model';

/** the zero vector or matrix of `of`'s shape where the side `a` is the number 0 alone; null otherwise */
export function zeroSide(a: Ast, of: Expr): Expr | null {
  const s = of.shape;
  if (a.k !== 'num' || a.value !== 0 || !s || s.length === 0 || s.length > 2) return null;
  const range = a.range;
  const zero = (): Expr => ({ k: 'num', value: 0, shape: [], range });
  if (s.length === 1) return { k: 'vec', items: Array.from({ length: s[0]! }, zero), shape: [s[0]!], range };
  const rows = Array.from({ length: s[0]! }, () => Array.from({ length: s[1]! }, zero));
  return { k: 'mat', rows, shape: [s[0]!, s[1]!], range };
}

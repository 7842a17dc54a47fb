// Substituting the free step into an expression: ∂h_t/∂h_{t-1} at t = 2 is ∂h_2/∂h_1.
import { bindIdxVar } from '../language/idx';
import type { Expr, Idx } from '../language/model';
import { mapIndicesOf } from '../language/resolve';

export function bindVar(e: Expr, v: string, value: number): Expr {
  return mapIndicesOf(
    e,
    v,
    (i: Idx) => bindIdxVar(i, v, value),
    (x, b) => (b.v === null && !b.terms ? { k: 'num', value: b.k, shape: [], range: x.range } : { ...x, idx: b }),
  );
}

/** bindVar for every variable of env (a point's t and its free indices) */
export function bindAll(e: Expr, env: Record<string, number>): Expr {
  let x = e;
  for (const [v, value] of Object.entries(env)) x = bindVar(x, v, value);
  return x;
}

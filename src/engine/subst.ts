// Substituting the free step into an expression: ∂h_t/∂h_{t-1} at t = 2 is ∂h_2/∂h_1.
import { bindIdxVar } from '../language/idx';
import type { Expr, Idx } from '../language/model';
import { mapChildren } from '../language/resolve';

function bindIdx(i: Idx, v: string, value: number): Idx {
  return bindIdxVar(i, v, value);
}

export function bindVar(e: Expr, v: string, value: number): Expr {
  const go = (x: Expr): Expr => {
    switch (x.k) {
      case 'ref':
        return x.idx ? { ...x, idx: bindIdx(x.idx, v, value) } : x;
      case 'var': {
        const b = bindIdx(x.idx, v, value);
        return b.v === null && !b.terms ? { k: 'num', value: b.k, shape: [], range: x.range } : { ...x, idx: b };
      }
      case 'sum':
      case 'prod': {
        // the bounds may mention v; a Σ binding v itself shadows it in its body
        const bounds = { ...x, from: bindIdx(x.from, v, value), to: bindIdx(x.to, v, value) };
        return x.v === v ? bounds : { ...bounds, body: go(x.body) };
      }
      case 'deriv':
        return { ...x, of: go(x.of), wrt: { ...x.wrt, idx: x.wrt.idx ? bindIdx(x.wrt.idx, v, value) : null } };
      default:
        return mapChildren(x, go);
    }
  };
  return go(e);
}

/** bindVar for every variable of env (a point's t and its free indices) */
export function bindAll(e: Expr, env: Record<string, number>): Expr {
  let x = e;
  for (const [v, value] of Object.entries(env)) x = bindVar(x, v, value);
  return x;
}

// Substituting the free step into an expression: ∂h_t/∂h_{t-1} at t = 2 is ∂h_2/∂h_1.
import { bindIdxVar } from '../language/idx';
import type { Expr, Idx } from '../language/model';

function bindIdx(i: Idx, v: string, value: number): Idx {
  return bindIdxVar(i, v, value);
}

export function bindVar(e: Expr, v: string, value: number): Expr {
  const go = (x: Expr): Expr => {
    switch (x.k) {
      case 'num':
        return x;
      case 'ref':
        return x.idx ? { ...x, idx: bindIdx(x.idx, v, value) } : x;
      case 'var': {
        const b = bindIdx(x.idx, v, value);
        return b.v === null && !b.terms ? { k: 'num', value: b.k, shape: [], range: x.range } : { ...x, idx: b };
      }
      case 'vec':
        return { ...x, items: x.items.map(go) };
      case 'mat':
        return { ...x, rows: x.rows.map((r) => r.map(go)) };
      case 'neg':
      case 'transpose':
        return { ...x, a: go(x.a) };
      case 'add':
      case 'sub':
      case 'mul':
      case 'hadamard':
      case 'matmul':
      case 'contract':
      case 'div':
      case 'pow':
      case 'indicator':
        return { ...x, a: go(x.a), b: go(x.b) };
      case 'matpow':
        return { ...x, a: go(x.a), n: go(x.n) };
      case 'call':
        return { ...x, arg: go(x.arg) };
      case 'index':
        return { ...x, a: go(x.a), i: go(x.i), j: x.j ? go(x.j) : null };
      case 'sum':
      case 'prod':
        if (x.v === v) return { ...x, from: bindIdx(x.from, v, value), to: bindIdx(x.to, v, value) };
        return { ...x, from: bindIdx(x.from, v, value), to: bindIdx(x.to, v, value), body: go(x.body) };
      case 'deriv':
        return { ...x, of: go(x.of), wrt: { ...x.wrt, idx: x.wrt.idx ? bindIdx(x.wrt.idx, v, value) : null } };
    }
  };
  return go(e);
}
